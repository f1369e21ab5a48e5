import Foundation
import PackagePlugin

/// Compiles the package's top-level `templates/` folder into the target it is applied to,
/// as `BuiltinTemplates.files` (file name → text), so a copied binary needs no templates folder.
///
/// Every file of the folder is an input of the build command, so editing a template
/// rebuilds the target; the generated source lives in the plugin's work directory, never
/// in the source tree.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("templates")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinTemplates.swift")
        let inputs = try templateFiles(in: folder)
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) templates from templates/ into \(target.name)",
                executable: try context.tool(named: "EmbedTemplatesTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }

    /// The regular files directly inside `folder`, sorted by name; dot-files are left out.
    private func templateFiles(in folder: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }.filter { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
