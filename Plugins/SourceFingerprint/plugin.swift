import Foundation
import PackagePlugin

/// Writes `BuildFingerprint.sources` into the target it is applied to (BetweenIndex): a
/// hash of everything built into Between that can change what the index stores for a
/// note — the Swift sources of BetweenCore (parsing) and BetweenIndex (storage), the
/// templates/ files (their field comments shape stored warnings) and the version of
/// every package dependency (Yams, TOMLKit, GRDB, …). The index keeps the fingerprint
/// it was built with and is rebuilt when it differs (Index/Fingerprint.swift).
///
/// Those files are the command's inputs, so editing any of them (a comment too) runs
/// the tool again; a dependency's version is one of its arguments, so an update does
/// as well. Adding or removing a source file changes the target's folder, which makes
/// SwiftPM plan the build again with the new list. Templates are as in EmbedTemplates:
/// after *deleting or renaming* one, `touch Package.swift` before the next build.
@main
struct SourceFingerprint: BuildToolPlugin {
    /// The targets whose code turns a note into what the index stores.
    static let hashedTargets = ["BetweenCore", "BetweenIndex"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildFingerprint.swift")
        let sources = try context.package.targets(named: Self.hashedTargets).flatMap { target -> [URL] in
            guard let module = target as? SwiftSourceModuleTarget else { return [] }
            return module.sourceFiles(withSuffix: "swift").map(\.url)
        }
        let templateFolder = root.appendingPathComponent("templates")
        let templates = try FileManager.default.contentsOfDirectory(atPath: templateFolder.path)
            .filter { !$0.hasPrefix(".") }.map { templateFolder.appendingPathComponent($0) }
        let files = (sources + templates).map(\.standardizedFileURL).sorted { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Fingerprinting the sources that shape the index, for \(target.name)",
                executable: try context.tool(named: "SourceFingerprintTool").url,
                arguments: [output.path, root.standardizedFileURL.path]
                    + Self.dependencies(of: context.package).flatMap { ["--dependency", $0] }
                    + files.map(\.path),
                inputFiles: [templateFolder] + files,
                outputFiles: [output])
        ]
    }

    /// `identity@version@revision` of every package the package depends on, directly or
    /// not, sorted: resolving another version changes the arguments, so the tool runs again.
    static func dependencies(of package: Package) -> [String] {
        var seen: [String: String] = [:]
        var pending = package.dependencies.map(\.package)
        while let next = pending.popLast() {
            guard seen[next.id] == nil else { continue }
            seen[next.id] = switch next.origin {
            case .repository(_, let version, let revision): "\(next.id)@\(version)@\(revision)"
            case .registry(_, let version): "\(next.id)@\(version)"
            case .local: "\(next.id)@local"
            case .root: "\(next.id)@root"
            @unknown default: "\(next.id)@unknown"
            }
            pending += next.dependencies.map(\.package)
        }
        return seen.values.sorted()
    }
}
