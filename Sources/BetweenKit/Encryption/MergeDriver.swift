import BetweenCore
import Glibc

/// `between git-filter merge`: git's merge driver for notes (`merge=between`), run when
/// both sides of a merge, rebase, cherry-pick or stash changed the same note.
///
/// git hands the driver the three versions as stored, so an encrypted note arrives as
/// ciphertext, which git's own line merge would cut into garbage. The driver decrypts
/// each side in memory, merges the plain text with `git merge-file` (conflict markers
/// and all), and hands back the result encrypted when the note is private or has a
/// conflict, so the repository never holds it in plain text; git's smudge then puts it
/// in the working folder as readable text with the usual markers. Without the key, it
/// keeps this side untouched and says how to choose one.
public enum MergeDriver {
    /// The result: git's exit status for the driver (0 merged, 1 conflicts left) and what to tell the person.
    public struct Outcome: Sendable {
        public var status: Int32
        public var message: String?
    }

    /// Merges into `ours` (a file git wrote, which receives the result) the changes from
    /// `base` to `theirs`. `path` is the note's path from the top of the repository.
    public static func merge(base: String, ours: String, theirs: String, markerSize: Int, path: String, top: String) -> Outcome {
        let files = [ours, base, theirs].map { FileSystem.read(VaultLocator.absolute($0, from: top), limit: 64 * 1024 * 1024) }
        guard case .success(let mine) = files[0], case .success(let original) = files[1], case .success(let other) = files[2] else {
            return Outcome(status: 2, message: "between: error: can't read git's copies of \(path) to merge them")
        }
        let versions = [mine, original, other]
        let vaults = FilterVaults(top: top)
        let entry = vaults.vault(holding: path)
        let anyEncrypted = versions.contains(where: EncryptedNote.isArmored)
        var plain: [[UInt8]] = []
        for version in versions {
            guard EncryptedNote.isArmored(version) else {
                plain.append(version)
                continue
            }
            do {
                plain.append(try entry.cipher.decrypt(version))
            } catch {
                return Outcome(status: 1, message: """
                    between: \(path) was changed on both sides, and it is an encrypted private note that can't be decrypted here (\(error)).
                    Your side is kept as it was. Choose one side: `git checkout --ours -- \(path)` or `git checkout --theirs -- \(path)`, then `git add \(path)`.
                    """)
            }
        }
        guard let git = Git.executable(),
              let merged = MemoryFiles.run(git, contents: plain, arguments: { paths in
                  ["merge-file", "-p", "--marker-size=\(max(markerSize, 1))", "-L", "ours", "-L", "base", "-L", "theirs"] + paths
              }), !merged.signaled, merged.status >= 0, merged.status < 128 else {
            return Outcome(status: 2, message: "between: error: git merge-file could not merge \(path); your side is kept as it was")
        }
        let result = [UInt8](merged.stdout)
        let conflicted = merged.status > 0
        var stored = result
        if (anyEncrypted && conflicted) || NotePrivacy.isPrivate(result, path: entry.relative(path), in: entry.vault) {
            do {
                stored = try entry.cipher.encrypt(result)
            } catch {
                return Outcome(status: 2, message: "between: error: can't encrypt the merged \(path): \(error); your side is kept as it was")
            }
        }
        guard overwrite(VaultLocator.absolute(ours, from: top), with: stored) else {
            return Outcome(status: 2, message: "between: error: can't write the merged \(path) for git")
        }
        return Outcome(status: conflicted ? 1 : 0, message: nil)
    }

    /// Replaces the contents of git's temporary file for our side, as the driver must.
    private static func overwrite(_ path: String, with bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        let written = FileWriting.writeAll(bytes, to: descriptor)
        return close(descriptor) == 0 && written
    }
}
