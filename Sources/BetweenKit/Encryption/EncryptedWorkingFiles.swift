import BetweenCore
import Foundation
import Glibc

/// Private notes left encrypted in the working folder (checked out before this machine
/// had the key, or before the filter was set up), made readable once it can decrypt them.
///
/// Only a note whose working file is exactly what the index holds is touched, so no
/// edit can be lost; git itself writes it again (`git checkout -- PATH`, through the
/// smudge filter). The file's time is moved first, since git skips a file whose stat
/// says it is unchanged.
enum EncryptedWorkingFiles {
    /// The paths (relative to the vault) of the tracked notes whose working file is still
    /// the stored ciphertext.
    static func find(in vaultRoot: String, git: Git) throws(Git.Failure) -> [String] {
        let index = GitIndex(git: git)
        let notes = try index.files().values.filter { $0.isRegular && VaultScanner.isMarkdown($0.path) }
        var candidates: [GitIndex.File: [UInt8]] = [:]
        for file in notes {
            guard case .success(let bytes) = FileSystem.read(vaultRoot + "/" + file.path, limit: VaultReader.sizeLimit),
                  EncryptedNote.isArmored(bytes) else { continue }
            candidates[file] = bytes
        }
        let stored = try index.contents(of: candidates.keys.map(\.object), limit: VaultReader.sizeLimit)
        return candidates.compactMap { file, working in
            guard case .bytes(let bytes)? = stored[file.object], bytes == working else { return nil }
            return file.path
        }.sorted()
    }

    /// Writes the notes at `paths` again through the filter; returns how many are now plain text.
    static func decrypt(_ paths: [String], in vaultRoot: String, git: Git) throws(Git.Failure) -> Int {
        guard !paths.isEmpty else { return 0 }
        for path in paths {
            var times = [timespec(tv_sec: 1, tv_nsec: 0), timespec(tv_sec: 1, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, vaultRoot + "/" + path, &times, AT_SYMLINK_NOFOLLOW)
        }
        _ = try git.check(["checkout", "--pathspec-from-file=-", "--pathspec-file-nul"],
                          input: Data(paths.map { ":(literal)" + $0 }.joined(separator: "\0").utf8))
        return paths.filter { path in
            guard case .success(let bytes) = FileSystem.read(vaultRoot + "/" + path, limit: VaultReader.sizeLimit) else { return false }
            return !EncryptedNote.isArmored(bytes)
        }.count
    }
}
