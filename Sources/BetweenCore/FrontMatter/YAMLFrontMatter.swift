internal import Yams

/// Reads `---` YAML front matter with Yams, as plain data.
///
/// Plain front matter (most of it) takes a faster path over the same libyaml events,
/// `YAMLEventReader`; anything it does not handle comes here whole.
///
/// Yams only composes the node tree (`Parser.singleRoot()`); it never constructs
/// values, because its constructor would turn `2026-11-20 23:30` into a UTC instant
/// and would honour tags. The basic resolver leaves every plain scalar untyped, and
/// `YAMLScalarResolver` gives it its meaning.
enum YAMLFrontMatter {
    /// Reads the lines between the fences; `firstLine` is the file line of the first.
    /// Messages call the text `subject` (front matter, unless it is a file of its own).
    static func read(_ content: ArraySlice<UInt8>, firstLine: Int, subject: YAMLSubject = .frontMatter) -> FrontMatterReading {
        let positions = YAMLPositionMap(content, firstLine: firstLine)
        let text = FrontMatterText.string(content)
        switch YAMLInputGuard.check(content, firstLine: firstLine) {
        case .refused(let message, let offset):
            return .failed(message, at: FrontMatterText.position(of: offset, in: content, firstLine: firstLine))
        case .safe:
            if let fields = YAMLEventReader.fields(text, positions: positions) {
                return FrontMatterReading(fields: fields, diagnostics: [])
            }
            return compose(text, positions, subject)
        case .needsLargeStack:
            return LargeStack.run { compose(text, positions, subject) }
                ?? .failed("\(subject.name) might be nested too deeply to read safely, and Between could not start a "
                           + "thread to try; Between stops here", at: .fileStart)
        }
    }

    /// Parses and converts. The node tree lives and dies inside this function, so
    /// when it runs on a large-stack thread, so does everything that recurses over it.
    static func compose(_ text: String, _ positions: YAMLPositionMap, _ subject: YAMLSubject) -> FrontMatterReading {
        let root: Node?
        do {
            root = try Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            return FrontMatterReading(fields: nil,
                                      diagnostics: [YAMLErrorMessages.diagnostic(for: error, positions: positions, text: text, subject: subject)])
        } catch {
            return .failed("\(subject.name) could not be read as YAML: \(error)", at: .fileStart)
        }
        guard let root else { return FrontMatterReading(fields: [], diagnostics: []) }
        var converter = YAMLNodeConverter(positions: positions, subject: subject,
                                          usesAliases: YAMLInputGuard.usesAliases(Array(text.utf8)[...]))
        do {
            let fields = try converter.fields(of: root)
            return FrontMatterReading(fields: fields, diagnostics: converter.warnings)
        } catch {
            return FrontMatterReading(fields: nil,
                                      diagnostics: converter.warnings + [.error(error.message, in: "", at: error.position)])
        }
    }
}
