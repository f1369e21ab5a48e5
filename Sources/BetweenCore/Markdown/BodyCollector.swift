/// Builds a `Body` from finished blocks, items and links, in document order.
///
/// `BodyExtractor` knows Markdown structure; this knows the rules of docs/format.md#the-body:
/// what a section holds, which items are questions or tasks, what the plain text is.
struct BodyCollector {
    /// The position used when cmark gives none: the first line of the body.
    let fallback: SourcePosition
    private var body = Body()

    // The section being filled.
    private var heading = ""
    private var level = 0
    private var sectionPosition: SourcePosition?
    private var sectionText = MarkdownBlockJoiner()
    /// Where the latest top-level block began: the lead section starts at its first block.
    private var leadCandidate: SourcePosition?

    /// Whether the open heading at each level 1–6 is a "questions" heading, so that
    /// items under `### Sleep` inside `## Questions for next session` count too.
    private var raiseAtLevel = [Bool](repeating: false, count: 7)
    private var underQuestionsHeading = false
    /// Questions already taken from the paragraph or item at `seenPosition`: repeats
    /// can only come from one place, and a set keeps a 100,000-question paragraph linear.
    private var seenPosition: SourcePosition?
    private var seenTexts = Set<String>()

    init(fallback: SourcePosition) {
        self.fallback = fallback
    }

    mutating func topLevelBlockStarts(at position: SourcePosition) {
        leadCandidate = position
    }

    /// A paragraph or code block of the current section; `compact` for an item's first paragraph.
    mutating func addBlock(_ text: String, compact: Bool, at position: SourcePosition?) {
        guard text.unicodeScalars.contains(where: { !MarkdownText.isSpace($0) }) else { return }
        if sectionPosition == nil { sectionPosition = leadCandidate ?? position ?? fallback }
        sectionText.append(text, compact: compact)
    }

    mutating func startSection(heading: String, level: Int, at position: SourcePosition) {
        closeSection()
        self.heading = heading
        self.level = level
        sectionPosition = position
        sectionText = MarkdownBlockJoiner()
        if level == 1, body.firstHeading == nil, !heading.isEmpty { body.firstHeading = heading }
        let clamped = min(max(level, 1), 6)
        raiseAtLevel[clamped] = MarkdownQuestionRules.isQuestionsHeading(heading)
        for deeper in (clamped + 1)..<raiseAtLevel.count { raiseAtLevel[deeper] = false }
        underQuestionsHeading = raiseAtLevel[1...clamped].contains(true)
    }

    /// Sentences ending in `?` in a paragraph outside any list item.
    mutating func addSentenceQuestions(in text: MarkdownInlineText, at position: SourcePosition) {
        for sentence in MarkdownQuestionRules.questionSentences(in: text) {
            addQuestion(sentence, at: position)
        }
    }

    /// A finished list item: its own paragraphs' text, not its sub-items'.
    mutating func addItem(_ text: MarkdownInlineText, at position: SourcePosition) {
        let trimmed = MarkdownText.trimmed(text.text)
        guard !trimmed.isEmpty else { return }
        let asks = underQuestionsHeading || MarkdownQuestionRules.endsWithQuestion(text)
        if let box = MarkdownQuestionRules.taskBox(trimmed) {
            body.tasks.append(TaskItem(text: box.rest, done: box.done, position: position))
            // A task is a question only when it asks or sits under a questions heading.
            if asks { addQuestion(box.rest.isEmpty ? trimmed : box.rest, at: position) }
        } else if asks {
            addQuestion(trimmed, at: position)
        } else {
            addSentenceQuestions(in: text, at: position)
        }
    }

    mutating func addLink(_ link: Link) {
        body.links.append(link)
    }

    mutating func finish() -> Body {
        closeSection()
        // Headings and section texts, a blank line apart: the same text as joining every
        // block as it came, since a heading always starts a new paragraph.
        body.plainText = Section.joined(body.sections)
        body.wordCount = MarkdownText.wordCount(body.plainText)
        // Items finish after their sub-items, so put both lists back in document order.
        body.questions = Self.inDocumentOrder(body.questions, by: \.position)
        body.tasks = Self.inDocumentOrder(body.tasks, by: \.position)
        return body
    }

    private mutating func addQuestion(_ text: String, at position: SourcePosition) {
        if seenPosition != position {
            seenPosition = position
            seenTexts.removeAll(keepingCapacity: true)
        }
        if seenTexts.insert(text).inserted {
            body.questions.append(Question(text: text, section: heading, position: position))
        }
    }

    private mutating func closeSection() {
        let text = sectionText.text
        // The lead section exists only when there is text before the first heading.
        guard level > 0 || !text.isEmpty else { return }
        body.sections.append(Section(heading: heading, level: level, text: text,
                                     position: sectionPosition ?? fallback))
    }

    /// A stable sort: equal positions (sentences of one paragraph) keep their order.
    private static func inDocumentOrder<T>(_ values: [T], by position: (T) -> SourcePosition) -> [T] {
        if zip(values, values.dropFirst()).allSatisfy({ position($0.0) <= position($0.1) }) { return values }
        return values.enumerated()
            .sorted { (position($0.element), $0.offset) < (position($1.element), $1.offset) }
            .map(\.element)
    }
}

/// Joins block texts: a blank line between blocks, one newline between list items.
struct MarkdownBlockJoiner {
    private(set) var text = ""
    private var lastWasCompact = false

    mutating func append(_ block: String, compact: Bool) {
        if !text.isEmpty { text += compact && lastWasCompact ? "\n" : "\n\n" }
        text += block
        lastWasCompact = compact
    }
}
