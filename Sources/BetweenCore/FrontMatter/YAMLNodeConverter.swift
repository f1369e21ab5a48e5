internal import Yams

/// Turns the tree Yams composed into `FieldValue`s, with file positions.
///
/// Yams shares an anchored node between all its aliases; writing them out here is
/// what could explode (the "billion laughs"), so every value counts against
/// `FrontMatterParser.maximumValues` and every collection against `maximumDepth`.
/// Recursion is therefore at most `maximumDepth` levels deep.
struct YAMLNodeConverter {
    /// Why the front matter cannot be used, and where.
    struct Failure: Error {
        var message: String
        var position: SourcePosition?
    }

    private let positions: YAMLPositionMap
    private let subject: YAMLSubject
    /// Whether the text has aliases: only then does a message about too many values blame them.
    private let usesAliases: Bool
    private var count = 0
    /// The top-level key being converted: where an alias bomb is reported.
    private var topLevelKey: SourcePosition?
    /// Problems that leave the rest usable (a key that is itself a list).
    private(set) var warnings: [Diagnostic] = []

    init(positions: YAMLPositionMap, subject: YAMLSubject, usesAliases: Bool) {
        self.positions = positions
        self.subject = subject
        self.usesAliases = usesAliases
    }

    /// The top-level fields. A document that is only a null (`~`) counts as empty.
    mutating func fields(of root: Node) throws(Failure) -> [FieldPair] {
        if case .mapping(let mapping) = root { return try pairs(of: mapping, depth: 1) }
        var kind = "a list"
        if case .scalar(let scalar) = root {
            let value = YAMLScalarResolver.value(of: scalar)
            if value == .null { return [] }
            kind = value.kindDescription
        }
        throw Failure(message: "\(subject.name) must be a set of `key: value` lines, but this is \(kind)",
                      position: position(root.mark))
    }

    private mutating func pairs(of mapping: Node.Mapping, depth: Int) throws(Failure) -> [FieldPair] {
        var result: [FieldPair] = []
        var seen: [String: SourcePosition?] = [:]
        for (key, value) in mapping {
            let keyPosition = position(key.mark)
            guard case .scalar(let keyScalar) = key else {
                let kind = if case .sequence = key { "a list" } else { "a set of values" }
                warnings.append(.warning("this key is \(kind), not text; "
                                         + "Between only reads text keys, so this entry is skipped",
                                         in: "", at: keyPosition))
                continue
            }
            let name = keyScalar.string
            // Yams already refuses identical keys; this catches `1` beside `"1"` or `!!str 1`.
            if let first = seen[name] {
                let earlier = first.map { " (first on line \($0.line))" } ?? ""
                throw Failure(message: "the key \(MessageText.quoted(name)) is written twice in \(subject.withArticle)\(earlier); keep one of them",
                              position: keyPosition)
            }
            seen[name] = keyPosition
            if depth == 1 { topLevelKey = keyPosition }
            let converted = try convert(value, depth: depth + 1)
            result.append(FieldPair(key: name, value: converted, keyPosition: keyPosition, valuePosition: position(value.mark)))
        }
        return result
    }

    private mutating func convert(_ node: Node, depth: Int) throws(Failure) -> FieldValue {
        count += 1
        guard count <= FrontMatterParser.maximumValues else {
            let message = usesAliases
                ? "\(subject.name) expands to more than \(FrontMatterParser.maximumValues) values through its YAML aliases "
                    + "(each *name repeats all that its &name holds); Between stops here"
                : "\(subject.name) has more than \(FrontMatterParser.maximumValues) values; Between stops here"
            throw Failure(message: message, position: topLevelKey ?? position(node.mark))
        }
        switch node {
        case .scalar(let scalar):
            return YAMLScalarResolver.value(of: scalar)
        case .sequence(let sequence):
            try checkDepth(depth, node)
            var items: [FieldValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, depth: depth + 1)) }
            return .list(items)
        case .mapping(let mapping):
            try checkDepth(depth, node)
            return .map(try pairs(of: mapping, depth: depth))
        case .alias:
            // Only Yams' representer makes alias nodes; the composer resolves them.
            return .null
        }
    }

    private func checkDepth(_ depth: Int, _ node: Node) throws(Failure) {
        guard depth > FrontMatterParser.maximumDepth else { return }
        throw Failure(message: "\(subject.name) is nested more than \(FrontMatterParser.maximumDepth) levels deep; Between stops here",
                      position: position(node.mark))
    }

    private func position(_ mark: Mark?) -> SourcePosition? {
        mark.map { positions.position(line: $0.line, column: $0.column) }
    }
}
