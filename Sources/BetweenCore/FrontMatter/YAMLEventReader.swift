internal import CYaml

/// The fast path for everyday front matter: libyaml's parse events read straight
/// into fields, without Yams' node tree.
///
/// Most front matter is plain keys with scalars, lists and small maps. Building Yams'
/// tree for it (a node per value, a duplicate-key check that hashes whole nodes) was
/// the largest single cost of a first index (docs/performance.md). This reader takes
/// the same libyaml events Yams composes and handles only what is plain: one document
/// whose root is a map, text keys each written once, no anchors, aliases or tags, and
/// no more nesting or values than `FrontMatterParser` allows. On anything else (and on
/// any libyaml error) it returns nil and `YAMLFrontMatter` reads the text through
/// Yams, whose path gives every message and every unusual feature its meaning. For
/// what it does accept, the result is the one that path gives (tested side by side).
///
/// libyaml's C interface is used in this file only.
enum YAMLEventReader {
    /// The top-level fields of `text`, or nil when the Yams path must read it.
    static func fields(_ text: String, positions: YAMLPositionMap) -> [FieldPair]? {
        // libyaml wants a non-null buffer; no text is no fields, as on the Yams path.
        guard !text.isEmpty else { return [] }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { buffer -> [FieldPair]? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var reader = Reader(positions: positions)
            while let event = Event.next(from: &parser) {
                switch reader.take(event) {
                case .more: continue
                case .done(let fields): return fields
                case .unhandled: return nil
                }
            }
            return nil
        }
    }

    /// One libyaml event, copied out of C memory.
    private enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case scalar(String, plain: Bool, mark: yaml_mark_t)
        case collectionStart(isMap: Bool, mark: yaml_mark_t)
        case collectionEnd
        /// Aliases, anchors, explicit tags: left to Yams.
        case unusual

        /// The next event, or nil on a libyaml error.
        static func next(from parser: inout yaml_parser_t) -> Event? {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_START_EVENT: return .streamStart
            case YAML_STREAM_END_EVENT: return .streamEnd
            case YAML_DOCUMENT_START_EVENT: return .documentStart
            case YAML_DOCUMENT_END_EVENT: return .documentEnd
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil else { return .unusual }
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return .scalar(value, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: event.start_mark)
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.implicit != 0 else { return .unusual }
                return .collectionStart(isMap: true, mark: event.start_mark)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.implicit != 0 else { return .unusual }
                return .collectionStart(isMap: false, mark: event.start_mark)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT: return .collectionEnd
            default: return .unusual
            }
        }
    }

    private enum Step {
        case more
        case done([FieldPair])
        case unhandled
    }

    /// A map or list being read, with where it started (its value position).
    private struct Open {
        var isMap: Bool
        var position: SourcePosition?
        var pairs: [FieldPair] = []
        var keys: Set<String> = []
        /// A map's key waiting for its value.
        var key: (name: String, position: SourcePosition?)?
        var items: [FieldValue] = []
    }

    /// Follows the events: stream start, document start, the root map and what is in
    /// it, document end, stream end (or an empty stream).
    private struct Reader {
        let positions: YAMLPositionMap
        private var stage = Stage.beforeStream
        private var open: [Open] = []
        private var values = 0
        private var root: [FieldPair] = []

        private enum Stage { case beforeStream, beforeDocument, beforeRoot, inRoot, afterRoot, afterDocument }

        init(positions: YAMLPositionMap) {
            self.positions = positions
        }

        mutating func take(_ event: Event) -> Step {
            switch (stage, event) {
            case (.beforeStream, .streamStart): stage = .beforeDocument
            case (.beforeDocument, .streamEnd): return .done([])
            case (.beforeDocument, .documentStart): stage = .beforeRoot
            case (.beforeRoot, .collectionStart(isMap: true, let mark)):
                open = [Open(isMap: true, position: position(mark))]
                stage = .inRoot
            case (.inRoot, _): return inside(event)
            case (.afterRoot, .documentEnd): stage = .afterDocument
            case (.afterDocument, .streamEnd): return .done(root)
            default: return .unhandled
            }
            return .more
        }

        private mutating func inside(_ event: Event) -> Step {
            switch event {
            case .scalar(let text, let plain, let mark):
                if open[open.count - 1].isMap && open[open.count - 1].key == nil {
                    // A key: each written once (Yams' path explains a repeated one).
                    guard open[open.count - 1].keys.insert(text).inserted else { return .unhandled }
                    open[open.count - 1].key = (text, position(mark))
                    return .more
                }
                return add(plain ? YAMLScalarResolver.resolvePlain(text) : .string(text), at: position(mark))
            case .collectionStart(let isMap, let mark):
                // A map or list as a key, or deeper than the Yams path allows: its business.
                guard !(open[open.count - 1].isMap && open[open.count - 1].key == nil),
                      open.count + 1 <= FrontMatterParser.maximumDepth else { return .unhandled }
                open.append(Open(isMap: isMap, position: position(mark)))
                return .more
            case .collectionEnd:
                let closed = open.removeLast()
                guard closed.key == nil else { return .unhandled }
                if open.isEmpty {
                    root = closed.pairs
                    stage = .afterRoot
                    return .more
                }
                return add(closed.isMap ? .map(closed.pairs) : .list(closed.items), at: closed.position)
            default:
                return .unhandled
            }
        }

        /// A finished value: the next item of a list, or the value of a map's waiting key.
        private mutating func add(_ value: FieldValue, at valuePosition: SourcePosition?) -> Step {
            values += 1
            guard values <= FrontMatterParser.maximumValues else { return .unhandled }
            let last = open.count - 1
            if open[last].isMap {
                guard let key = open[last].key else { return .unhandled }
                open[last].pairs.append(FieldPair(key: key.name, value: value, keyPosition: key.position, valuePosition: valuePosition))
                open[last].key = nil
            } else {
                open[last].items.append(value)
            }
            return .more
        }

        /// libyaml's marks count from 0; Yams', which `YAMLPositionMap` takes, from 1.
        private func position(_ mark: yaml_mark_t) -> SourcePosition? {
            positions.position(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }
    }
}
