import BetweenCore
import BetweenIndex

/// What the command line itself has to say when a command can't go on: problems with
/// what was asked or with its surroundings, in the person's terms. Every message the
/// executable writes for such an error is here; `Between.main` prints it (exit 2), as it
/// prints the library's own errors (`UserFacingError`).
enum CommandError: UserFacingError {
    /// `-o` names a file of the vault (`OutputGuard` says which and why).
    case outputRefused(String)
    case cannotOpenIndex(any Error)
    case cannotUpdateIndex(any Error)
    /// The index was damaged again right after it was rebuilt.
    case indexDamagedAgain(folder: String, any Error)
    /// The index turned out damaged after part of the answer was printed.
    case indexDamagedWhilePrinting(folder: String, rebuilt: Bool)
    /// `between.yml` has errors, so a sharing command can't tell which entries are private.
    case settingsUnreadableForSharing
    /// A date option (`--since`, `--until`, `--session`) that isn't one.
    case badDay(option: String, DateParseError)
    /// `--session` names the day of a private session note, which a digest doesn't use.
    case privateSession(EntryDate)
    case noEditor(file: String, hint: String)
    case editorDidNotStart(reason: String, file: String)
    /// `show` of a note that couldn't be read (its problem), or of no note at all.
    case unreadableNote(path: String, problem: String)
    case noNote(path: String, root: String)
    case cannotReadKeyFile(String)
    case cannotReadFileForDiff(String)
    case filterProtocolBroke(reason: String)
    case sqlFailed(any Error)

    var message: String {
        switch self {
        case .outputRefused(let refusal):
            refusal
        case .cannotOpenIndex(let error):
            "can't open the index: \(error)"
        case .cannotUpdateIndex(let error):
            "can't update the index: \(error)"
        case .indexDamagedAgain(let folder, let error):
            """
            the index in \(folder) was damaged again, right after it was rebuilt (\(error)). Your notes are fine; \
            the disk may be failing, or another program may be writing into \(folder). \
            `between index --rebuild` builds it again
            """
        case .indexDamagedWhilePrinting(let folder, let rebuilt):
            """
            the index in \(folder) turned out to be damaged while this command was printing, so what it printed \
            is incomplete. Your notes are fine. \(rebuilt ? "The index has been rebuilt from them: run the command again"
                : "Run `between index --rebuild`, then the command again")
            """
        case .settingsUnreadableForSharing:
            "\(VaultConfig.fileName) has an error (above), so Between can't be sure which entries "
                + "you marked private; nothing was shared. Fix \(VaultConfig.fileName) (`between check` shows every problem), then run this again."
        case .badDay(let option, let error):
            "\(option): \(error)"
        case .privateSession(let day):
            "the session note dated \(day.dayString) is private, so a digest doesn't use it; "
                + "add --include-private to use it, or pick another session (`between list --type session` lists them)"
        case .noEditor(let file, let hint):
            "no editor to open \(file) with: \(hint)"
        case .editorDidNotStart(let reason, let file):
            "\(reason). The new entry is kept: \(file)"
        case .unreadableNote(let path, let problem):
            "\(path): \(problem)"
        case .noNote(let path, let root):
            "no note at \(path) in the vault \(root); `between list --format paths` lists them"
        case .cannotReadKeyFile(let file):
            "can't read the key file \(file); give the file `between encrypt key export` wrote"
        case .cannotReadFileForDiff(let file):
            "can't read \(file) for git diff"
        case .filterProtocolBroke(let reason):
            "git's filter protocol broke: \(reason)"
        case .sqlFailed(let error):
            "the SQL failed: \(error)"
        }
    }
}

/// A query or `--sort` list that can't be read or run: printed as the text with a caret
/// under the column, and a hint (`QuerySyntaxError.render`).
struct QueryProblem: UserFacingError {
    var error: QuerySyntaxError
    /// The query or sort list as typed.
    var text: String

    var message: String { error.message }

    func layout(color: Bool) -> String? {
        error.render(query: text, color: color)
    }
}
