import Foundation
import PackagePlugin

/// Compiles the package's top-level `templates/` folder into the target it is applied to,
/// as `BuiltinTemplates.files` (file name → text), so a copied binary needs no templates folder.
///
/// The inputs are the folder itself and every file in it, so editing a template rebuilds
/// the target, and so does adding one (the folder changes, and the tool lists the folder
/// itself when it runs). SwiftPM plans the build again only when Package.swift or a
/// target's folder changes, so after *deleting or renaming* a template it still expects
/// the old file: `touch Package.swift` (or `swift package clean`) before the next build.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("templates")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinTemplates.swift")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
        return [
            .buildCommand(
                displayName: "Embedding templates/ into \(target.name)",
                executable: try context.tool(named: "EmbedTemplatesTool").url,
                arguments: [output.path, folder.path],
                inputFiles: [folder] + files,
                outputFiles: [output])
        ]
    }
}
