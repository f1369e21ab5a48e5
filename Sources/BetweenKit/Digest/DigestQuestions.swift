import BetweenCore

/// The digest's questions for next session and its open tasks, from the period's entries.
///
/// A task (`- [ ]` / `- [x]`) is never a question: open ones are listed as tasks, done
/// ones not at all. A sentence ending in `?` while weighing a thought (under *Automatic
/// thoughts*, *Evidence for* or *Evidence against*) is part of that work, not a question
/// for the therapist, unless those headings sit under a questions heading.
enum DigestQuestions {
    /// Open tasks shown; the rest are counted.
    static let taskLimit = 8

    /// Questions in entry order (oldest first), each text once.
    static func questions(_ entries: [Entry]) -> [QuestionItem] {
        var seen: Set<String> = []
        var result: [QuestionItem] = []
        for entry in entries {
            let taskPositions = Set(entry.body.tasks.map(\.position))
            for question in entry.body.questions where !taskPositions.contains(question.position) {
                guard !isThoughtWork(question, in: entry.body) else { continue }
                let key = key(question.text)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                result.append(QuestionItem(text: question.text, path: entry.path, date: entry.date))
            }
        }
        return result
    }

    /// Tasks still open at the end of the period, oldest first, each text once: a task
    /// ticked anywhere in the period (in the same note or a later one) is done.
    static func openTasks(_ entries: [Entry]) -> (shown: [QuestionItem], more: Int) {
        let done = Set(entries.flatMap { $0.body.tasks.filter(\.done).map { key($0.text) } })
        var seen: Set<String> = []
        var open: [QuestionItem] = []
        for entry in entries {
            for task in entry.body.tasks where !task.done {
                let key = key(task.text)
                guard !key.isEmpty, !done.contains(key), seen.insert(key).inserted else { continue }
                open.append(QuestionItem(text: task.text, path: entry.path, date: entry.date))
            }
        }
        return (Array(open.prefix(taskLimit)), max(0, open.count - taskLimit))
    }

    /// Whether a question was found in a thought-weighing section that no questions heading holds.
    static func isThoughtWork(_ question: Question, in body: Body) -> Bool {
        guard isThoughtHeading(question.section) else { return false }
        // The section the question is in: the last one starting at or before it.
        guard let index = body.sections.lastIndex(where: { $0.position <= question.position }) else { return true }
        var level = body.sections[index].level
        for section in body.sections[..<index].reversed() where section.level > 0 && section.level < level {
            if MarkdownQuestionRules.isQuestionsHeading(section.heading) { return false }
            level = section.level
        }
        return true
    }

    static func isThoughtHeading(_ heading: String) -> Bool {
        let lower = heading.lowercased()
        return lower.hasPrefix("evidence") || lower.hasPrefix("automatic thought")
    }

    /// What tells questions apart: their letters and digits, lowercased (so case,
    /// spacing and punctuation don't make a question new). Plain ASCII text, most
    /// questions, is done on bytes; anything else by characters.
    static func key(_ text: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
            case 0x80...: return text.lowercased().filter { $0.isLetter || $0.isNumber }
            default: continue
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}
