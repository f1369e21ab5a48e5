import BetweenCore
import Foundation
import Glibc

/// Runs the editor on a new entry and decides, with the person, what to keep.
///
/// Nothing typed is ever lost: when the editor fails, or the file comes back exactly as
/// the template left it, the file is kept unless the person, asked at a terminal
/// ("keep the file? [Y/n]"), says to remove it.
public struct EditSession {
    /// How the session ended.
    public enum Result: Sendable, Hashable {
        /// The file is kept; `editorFailed` when the editor exited with an error.
        case kept(editorFailed: Bool)
        /// Removed because the person said so.
        case removed
        /// The file was gone after editing (deleted from inside the editor).
        case vanished
        /// The editor could not be started; the file is kept as written.
        case couldNotStart(String)
    }

    /// How to talk to the person: `ask` is used only when `isTerminal`.
    public struct Conversation {
        public var isTerminal: Bool
        /// Shows a question and returns the answer typed (nil at end of input).
        public var ask: (String) -> String?
        /// Shows a message.
        public var say: (String) -> Void

        public init(isTerminal: Bool, ask: @escaping (String) -> String?, say: @escaping (String) -> Void) {
            self.isTerminal = isTerminal
            self.ask = ask
            self.say = say
        }
    }

    public let editor: Editor
    public let created: NewEntry.Created
    /// The file's path as shown to the person.
    public let shown: String

    public init(editor: Editor, created: NewEntry.Created, shown: String) {
        self.editor = editor
        self.created = created
        self.shown = shown
    }

    /// Opens the editor, waits, and settles what happens to the file.
    public func run(outputToStandardError: Bool, conversation: Conversation) -> Result {
        let outcome = editor.edit(created.absolutePath, outputToStandardError: outputToStandardError)
        if case .couldNotStart(let reason) = outcome { return .couldNotStart(reason) }
        guard let after = FileManager.default.contents(atPath: created.absolutePath) else {
            conversation.say("\(shown) is no longer there (removed in the editor?); nothing else to do.")
            return .vanished
        }
        let untouched = after == Data(created.text.utf8)
        switch outcome {
        case .failed(let reason):
            let what = reason + (untouched ? ", and the file is as the template left it" : "")
            return decide(what, conversation) ? .kept(editorFailed: true) : .removed
        case .closed where untouched:
            return decide("the file is as the template left it", conversation) ? .kept(editorFailed: false) : .removed
        default:
            return .kept(editorFailed: false)
        }
    }

    /// How many times an unclear answer is asked again before the file is simply kept.
    static let questionLimit = 3

    /// Keeps the file unless the person, at a terminal, answers no. An answer that is
    /// neither yes nor no is asked again; when the input ends, or after `questionLimit`
    /// unclear answers, the file is kept (nothing is thrown away without a clear no).
    func decide(_ what: String, _ conversation: Conversation) -> Bool {
        guard conversation.isTerminal else {
            conversation.say("\(what); kept the file: \(shown)")
            return true
        }
        var question = "\(what). Keep the file \(shown)? [Y/n] "
        for _ in 1...Self.questionLimit {
            guard let answer = conversation.ask(question) else {
                conversation.say("no answer; kept the file: \(shown)")
                return true
            }
            switch Self.meaning(of: answer) {
            case true?:
                return true
            case false?:
                guard unlink(created.absolutePath) == 0 else {
                    conversation.say("couldn't remove \(shown) (\(FileSystem.lastError)); it is kept.")
                    return true
                }
                conversation.say("Removed \(shown).")
                return false
            case nil:
                question = "Please answer y to keep \(shown) or n to remove it. Keep it? [Y/n] "
            }
        }
        conversation.say("no clear answer; kept the file: \(shown)")
        return true
    }

    /// What an answer to "Keep the file? [Y/n]" means: keep (Enter, y, yes), remove (n,
    /// no), or nil when it is neither, in any case.
    static func meaning(of answer: String) -> Bool? {
        switch answer.trimmingASCIIWhitespace().lowercased() {
        case "", "y", "yes": return true
        case "n", "no": return false
        default: return nil
        }
    }
}
