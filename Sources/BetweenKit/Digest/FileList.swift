/// A card's files in one short line: each folder once, then its files' names.
///
/// "journal/2026/11/: 2026-11-19-2250-mood.md, 2026-11-22-1015-mood.md; homework/: bus-exposure.md"
enum FileList {
    /// Nil for no files; a single file as its whole path.
    static func compact(_ paths: [String]) -> String? {
        guard paths.count > 1 else { return paths.first }
        var folders: [String] = []
        var names: [String: [String]] = [:]
        for path in paths {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[...$0]) } ?? ""
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            if names[folder] == nil { folders.append(folder) }
            names[folder, default: []].append(name)
        }
        return folders.map { folder in
            let list = names[folder]!.joined(separator: ", ")
            return folder.isEmpty ? list : "\(folder): \(list)"
        }.joined(separator: "; ")
    }
}
