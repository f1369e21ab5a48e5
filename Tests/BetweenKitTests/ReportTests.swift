import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Rendering the digest: the built-in templates compiled in, their sections and wording,
/// escaping of everything a person wrote, vault overrides and their errors, and export.
@Suite struct ReportTests {
    // MARK: - Built-in templates

    @Test func builtInTemplatesAreCompiledInFromTheTemplatesFolder() throws {
        let folder = ReportFixture.sourceRoot + "/templates"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.contains("digest.md.mustache") && names.contains("digest.html.mustache"))
        #expect(TemplateStore().builtInNames == names)
        for name in names {
            #expect(BuiltinTemplates.files[name] == (try String(contentsOfFile: folder + "/" + name, encoding: .utf8)),
                    "\(name) in the binary differs from templates/\(name): rebuild")
        }
    }

    @Test func everyBuiltInTemplateParses() throws {
        for format in [DigestFormat.md, .html] {
            let template = try #require(try TemplateStore().template(named: format.templateName!))
            #expect(template.origin == .builtIn)
            #expect(throws: Never.self) { try TemplateLibrary.load(template.name, from: TemplateStore()) }
        }
    }

    // MARK: - Markdown

    @Test func markdownHasEverySectionInOrder() throws {
        let markdown = try render(ReportFixture.digest(), .md)
        #expect(markdown.hasPrefix("# Session prep: 17–26 Nov 2026\n\nPeriod: since the session on 2026-11-17 (10 days). Entries read: 8.\n"))
        let headings = ["## In short", "## Raise with your therapist", "## Homework", "## Mood and distress", "## Measures",
                        "## Questions for next session", "## Wins and what helped"]
        let positions = try headings.map { heading in try #require(markdown.range(of: "\n" + heading + "\n")).lowerBound }
        #expect(positions == positions.sorted())
        #expect(markdown.hasSuffix("\n\n1 private entry was left out.\n"))
        #expect(!markdown.contains("\n\n\n"), "no runs of blank lines")
    }

    @Test func markdownShowsEachSectionsContent() throws {
        let markdown = try render(ReportFixture.digest(), .md)
        // Raise: risk first, with the crisis line; each item with day, reason, file and quote.
        let risk = try #require(markdown.range(of: "- **Mon 23 Nov · PHQ-9 check-in · 11/27, moderate**: question 9"))
        let triggered = try #require(markdown.range(of: "- **Fri 20 Nov · Supermarket**: triggered · distress 80\n"))
        #expect(risk.lowerBound < triggered.lowerBound)
        #expect(markdown.contains("\n  **Please tell your therapist. If you are in danger now, contact your local emergency services. Crisis line: Samaritans (UK & Ireland): 116 123**\n"))
        #expect(markdown.contains("- **4-7-8 breathing: practised less than half as often as asked**: 1 of 10 times asked (10%): worth talking about what got in the way\n  in homework/breathing.md\n"))
        // In short: risk, what to raise, homework, directions and measures, each on a line.
        #expect(markdown.contains("## In short\n\n- Sign of risk: PHQ-9 question 9 answered 1 of 3 on Mon 23 Nov. Please tell your therapist.\n- To raise: triggered on 20 Nov; 4-7-8 breathing: practised less than half as often as asked.\n"))
        #expect(markdown.contains("  in journal/2026-11-20-supermarket.md\n  > The queue was huge and the lights were buzzing. I left the basket and walked out.\n"))
        // Homework table, exposures and thought records.
        #expect(markdown.contains("| Bus exposure ladder | 2/week | 2 / 3 | 67% | 8 | 6 |"))
        #expect(markdown.contains("| 4-7-8 breathing | daily | 1 / 10 | 10% | – | – |"))
        #expect(markdown.contains("- **Bus exposure ladder**, SUDS on average: before 55 → peak 65 → after 25. Peaks, oldest first: 75, 55 (peaks coming down)"))
        #expect(markdown.contains("- **Thought records**, emotions on average: 70 before → 45 after (0–100), over 1 thought record."))
        // Mood and distress: sparklines and the per-day table.
        #expect(markdown.contains("```text\nMood (0–10)       "))
        #expect(markdown.contains("| Day | Mood min / mean / max | Distress min / mean / max |"))
        #expect(markdown.contains("| Fri 20 Nov | 3 / 3 / 3 | 80 / 80 / 80 |"))
        #expect(markdown.contains("| Wed 18 Nov | – | – |"))
        // Measures, questions, wins and what helped.
        #expect(markdown.contains("| PHQ-9 | Mon 23 Nov | 11 / 27 | moderate | first |"))
        #expect(markdown.contains("- Can we talk about sleep properly? (Sat 21 Nov, journal/2026-11-21-thought-record.md)"))
        #expect(markdown.contains("- **Thu 19 Nov · The 14 to work** (tagged win, helpful 9/10)\n  in journal/2026-11-19-bus.md\n  > Waiting is worse than the bus.\n"))
        #expect(markdown.contains("- **Bus exposure ladder**: 2 times; rated 8/10 for helpfulness; distress down 30 on average (0–100)\n  > Waiting is worse than the bus.\n"))
    }

    @Test func exposurePeaksSayWhetherTheyAreComingDown() throws {
        var digest = ReportFixture.digest()
        let bus = try #require(digest.homework.firstIndex { $0.id == "bus-exposure" })
        digest.homework[bus].exposure?.peaks = [55, 75]
        digest.homework[bus].exposure?.peaksComingDown = false
        #expect(try render(digest, .md).contains("Peaks, oldest first: 55, 75 (not yet coming down)\n"))
        #expect(try render(digest, .html).contains("Peaks, oldest first: 55, 75 (not yet coming down)</p>"))
        // One practice: nothing to compare yet, so neither.
        digest.homework[bus].exposure?.peaks = [60]
        digest.homework[bus].exposure?.peaksComingDown = nil
        #expect(try render(digest, .md).contains("Peaks, oldest first: 60\n"))
    }

    @Test func anEmptyPeriodSaysNothingWasLoggedInsteadOfAnEmptyPage() throws {
        let digest = DigestBuilder.build(DigestInput(period: ReportFixture.period, entries: [], assignments: []))
        let markdown = try render(digest, .md)
        #expect(markdown.contains("## Raise with your therapist\n\nNothing logged since 2026-11-17. That's worth mentioning too"))
        #expect(!markdown.contains("Nothing in your notes needs raising"))
        #expect(markdown.contains("No homework was active in this period."))
        #expect(markdown.contains("No mood or distress ratings in this period."))
        #expect(!markdown.contains("private"))
        #expect(try render(digest, .html).contains("Nothing logged since 2026-11-17."))
    }

    @Test func nothingToRaiseIsSaidKindly() throws {
        let calm = ReportFixture.entry("journal/calm.md", "type: mood\ndate: 2026-11-20\nmood: 7", body: "A quiet day.")
        let digest = DigestBuilder.build(DigestInput(period: ReportFixture.period, entries: [calm], assignments: []))
        let markdown = try render(digest, .md)
        #expect(markdown.contains("## Raise with your therapist\n\nNothing in your notes needs raising this time."))
        #expect(!markdown.contains("Nothing logged"))
    }

    @Test func privateEntriesLeftOutAreCountedOnTheLastLine() throws {
        var digest = ReportFixture.digest()
        digest.privateLeftOut = 3
        #expect(try render(digest, .md).hasSuffix("\n3 private entries were left out.\n"))
        #expect(try render(digest, .html).contains("<p>3 private entries were left out.</p>"))
        digest.privateLeftOut = 0
        #expect(!(try render(digest, .md)).contains("left out"))
        digest.includesPrivate = true
        #expect(try render(digest, .md).hasSuffix("\nPrivate entries are included in this digest.\n"))
    }

    // MARK: - Escaping what people wrote

    @Test func hostileTextShowsAsTextInMarkdown() throws {
        let markdown = try render(ReportFixture.hostileDigest(), .md)
        #expect(!markdown.contains("<script>"))
        // Every such character a person typed is escaped (the template uses none of them but
        // the sparklines' code fence).
        let prose = markdown.split(separator: "\n").filter { !$0.hasPrefix("```") }.joined(separator: "\n")
        for (index, character) in zip(prose.indices, prose) where "<[]`_~$".contains(character) {
            #expect(index > prose.startIndex && prose[prose.index(before: index)] == "\\",
                    "unescaped \(character) at \(prose[index...].prefix(30))")
        }
        // Read back by CommonMark: no HTML, links, images or emphasis, no extra headings or
        // blocks, and every hostile string is in the text exactly as written.
        let kinds = CommonMark.events(markdown).compactMap { event -> MarkdownNodeKind? in
            if case .enter(let node) = event { node.kind } else { nil }
        }
        for forbidden in [MarkdownNodeKind.htmlInline, .htmlBlock, .link, .image, .emphasis, .thematicBreak] {
            #expect(!kinds.contains(forbidden), "\(forbidden) in the Markdown digest")
        }
        #expect(kinds.filter { $0 == .heading }.count == 8)
        let text = markdownText(markdown)
        for hostile in ReportFixture.hostileStrings {
            #expect(text.contains(hostile), "\(hostile) should show as written")
        }
        #expect(text.contains("fine # Heading - item 1. item > quoted | a | b |"), "line breaks became spaces")
    }

    @Test func hostileTextShowsAsTextInHTML() throws {
        let html = try render(ReportFixture.hostileDigest(), .html)
        let page = try XHTMLPage(html)
        #expect(!page.elements.contains("script"))
        #expect(!page.elements.contains("img") && !page.elements.contains("a") && !page.elements.contains("iframe"))
        for attribute in page.attributes {
            #expect(!attribute.name.lowercased().hasPrefix("on"), "\(attribute.element) has \(attribute.name)")
            #expect(!["href", "src", "srcset", "action", "formaction"].contains(attribute.name.lowercased()))
        }
        for hostile in ReportFixture.hostileStrings {
            #expect(page.text.contains(hostile), "\(hostile) should show as written")
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing loaded from anywhere")
    }

    @Test func mustacheLookingTextInValuesIsNeverATemplate() throws {
        var digest = ReportFixture.digest()
        digest.questions[0].text = "{{ title }} {{#raise}}twice{{/raise}} {{> digest.md}} {{{entry_count}}}?"
        let expected = "{{ title }} {{#raise}}twice{{/raise}} {{> digest.md}} {{{entry_count}}}?"
        let markdown = try render(digest, .md)
        #expect(markdownText(markdown).contains("\(expected) (Tue 17 Nov, sessions/2026-11-17.md)"), "\(markdown)")
        #expect(try XHTMLPage(try render(digest, .html)).text.contains(expected))
    }

    @Test func markdownEscapingKeepsOrdinarySentencesReadable() {
        let plain = "I didn't go (too tired). Tom & Jerry - again: 3 times, 45 minutes, -5 points, +2 today!"
        #expect(MarkdownEscaping.escape(plain) == plain)
        #expect(MarkdownEscaping.escape("# not a heading") == "\\# not a heading")
        #expect(MarkdownEscaping.escape("- not a list") == "\\- not a list")
        #expect(MarkdownEscaping.escape("+ not a list") == "\\+ not a list")
        #expect(MarkdownEscaping.escape("---") == "\\---")
        #expect(MarkdownEscaping.escape("12. not a list") == "12\\. not a list")
        #expect(MarkdownEscaping.escape("3) not a list") == "3\\) not a list")
        #expect(MarkdownEscaping.escape("4.5 out of 10") == "4.5 out of 10")
        #expect(MarkdownEscaping.escape("> not a quote") == "\\> not a quote")
        #expect(MarkdownEscaping.escape("*a* _b_ `c` [d] <e> |f| ~g~ $h$ \\i") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\<e\\> \\|f\\| \\~g\\~ \\$h\\$ \\\\i")
        #expect(MarkdownEscaping.escape("&amp; &#60; R&D & co") == "\\&amp; \\&#60; R\\&D & co")
        #expect(MarkdownEscaping.escape("  one\n\n    two\r\n\tthree  ") == "one two three")
        #expect(MarkdownEscaping.escape("bell\u{7} escape\u{1B}[2J") == "bell\u{FFFD} escape\u{FFFD}\\[2J")
    }

    @Test func htmlEscapingCoversQuotesAndControlCharacters() {
        #expect(HTMLEscaping.escape("<a href=\"x\" title='y'>&amp;</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("tab\tand\nnewline stay, \u{0}\u{1B}\u{FFFF} don't") == "tab\tand\nnewline stay, \u{FFFD}\u{FFFD}\u{FFFD} don&#39;t")
    }

    // MARK: - HTML page

    @Test func htmlIsOneSelfContainedWellFormedPageWithAChart() throws {
        let digest = ReportFixture.digest()
        let html = try render(digest, .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        let page = try XHTMLPage(html)
        #expect(page.elements.filter { $0 == "style" }.count == 1)
        for forbidden in ["script", "link", "img", "iframe", "object", "embed", "a", "form", "base"] {
            #expect(!page.elements.contains(forbidden), "<\(forbidden)> in the HTML digest")
        }
        #expect(!html.contains("url(") && !html.contains("@import") && !html.contains("@font-face"))
        // The chart: exactly the model's coordinates.
        let chart = DigestJSON.encode(digest)
        guard case .object(let root) = chart, case .object(let series)? = root.first(where: { $0.0 == "mood_and_distress" })?.1,
              case .object(let coordinates)? = series.first(where: { $0.0 == "chart" })?.1,
              case .array(let moodLines)? = coordinates.first(where: { $0.0 == "mood_lines" })?.1,
              case .array(let distressLines)? = coordinates.first(where: { $0.0 == "distress_lines" })?.1,
              case .array(let moodDots)? = coordinates.first(where: { $0.0 == "mood_dots" })?.1,
              case .array(let distressDots)? = coordinates.first(where: { $0.0 == "distress_dots" })?.1 else {
            Issue.record("no chart in the digest JSON")
            return
        }
        let points = (moodLines + distressLines).compactMap { line -> String? in
            guard case .object(let pairs) = line, case .string(let points)? = pairs.first?.1 else { return nil }
            return points
        }
        let polylines = page.attributes.filter { $0.element == "polyline" && $0.name == "points" }.map(\.value)
        #expect(polylines == points)
        #expect(moodLines.count == 1, "mood on the 17th and 25th stands alone, between days without ratings: dots, no line")
        #expect(moodDots.count == 5)
        #expect(page.elements.filter { $0 == "circle" }.count == moodDots.count + distressDots.count)
        #expect(page.text.contains("17 Nov") && page.text.contains("26 Nov"), "axis labels")
        #expect(page.text.contains("Crisis line: Samaritans (UK & Ireland): 116 123"))
        for heading in ["In short", "Raise with your therapist", "Homework", "Mood and distress", "Measures", "Questions for next session", "Wins and what helped"] {
            #expect(page.text.contains(heading))
        }
    }

    // MARK: - JSON and determinism

    @Test func jsonIsTheModelTheTemplatesSee() throws {
        let digest = ReportFixture.digest()
        #expect(try render(digest, .json) == DigestJSON.encode(digest).serialized(pretty: true) + "\n")
    }

    @Test func renderingIsDeterministic() throws {
        for format in DigestFormat.allCases {
            let first = try render(ReportFixture.digest(), format)
            let second = try DigestRenderer.render(ReportFixture.digest(), format: format, store: TemplateStore(vaultRoot: "/nonexistent"))
            #expect(Array(first.utf8) == Array(second.utf8), "\(format) differs between runs")
        }
    }

    // MARK: - Vault overrides

    @Test func aVaultTemplateReplacesTheBuiltInOfTheSameName() throws {
        let vault = try TemporaryVault([
            "templates/digest.md.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\nOur prep for {{period.start}}: {{#raise}}{{title}}; {{/raise}}\n{{> sign-off}}\n",
            "templates/sign-off.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n— {{crisis_line}}\n",
        ])
        defer { vault.remove() }
        let store = TemplateStore(vaultRoot: vault.root)
        #expect(store.isOverridden("digest.md.mustache") && !store.isOverridden("digest.html.mustache"))
        #expect(try store.template(named: "digest.md.mustache")?.origin == .vault(path: "templates/digest.md.mustache"))
        let markdown = try DigestRenderer.render(ReportFixture.digest(), format: .md, store: store)
        #expect(markdown == "Our prep for 2026-11-17: PHQ-9 check-in · 11/27, moderate; Supermarket; 4-7-8 breathing: practised less than half as often as asked; \n— Samaritans (UK & Ireland): 116 123\n")
        #expect(try DigestRenderer.render(ReportFixture.digest(), format: .html, store: store) == (try render(ReportFixture.digest(), .html)))
    }

    @Test func aBrokenVaultTemplateIsReportedWithItsFileLineAndColumn() throws {
        let vault = try TemporaryVault([
            "templates/digest.md.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n# Prep\n{{#raise}}\n- {{title}}\n{{/homework}}\n",
        ])
        defer { vault.remove() }
        let store = TemplateStore(vaultRoot: vault.root)
        let error = try #require(throws: TemplateError.self) {
            try DigestRenderer.render(ReportFixture.digest(), format: .md, store: store)
        }
        guard case .syntax(let syntax) = error else { Issue.record("expected a syntax error, got \(error)"); return }
        #expect(syntax.origin == .vault(path: "templates/digest.md.mustache"))
        #expect(syntax.line == 5)
        #expect(syntax.summary.hasPrefix("templates/digest.md.mustache:5:"))
        #expect(syntax.summary.contains(": error: this closing tag doesn't match the section that is open here"))
        #expect(error.description.contains("\n    {{/homework}}\n    "))
        #expect(error.description.contains("your vault's own template"))
        // The HTML digest doesn't use the broken file.
        #expect(throws: Never.self) { try DigestRenderer.render(ReportFixture.digest(), format: .html, store: store) }
    }

    @Test func aBrokenPartialIsNamedInTheError() throws {
        let vault = try TemporaryVault([
            "templates/digest.md.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n{{> footer}}\n",
            "templates/footer.mustache": "ok\n{{#questions}}\n",
        ])
        defer { vault.remove() }
        let error = try #require(throws: TemplateError.self) {
            try DigestRenderer.render(ReportFixture.digest(), format: .md, store: TemplateStore(vaultRoot: vault.root))
        }
        #expect(error.description.hasPrefix("templates/footer.mustache:"))
        #expect(error.description.contains("a section is never closed"))
    }

    @Test func anUnreadableOrOutsideVaultTemplateIsAClearError() throws {
        let outside = try TemporaryVault(["secret.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\nhello\n"])
        defer { outside.remove() }
        let vault = try TemporaryVault()
        defer { vault.remove() }
        try vault.writeBytes("templates/digest.md.mustache", [0x68, 0xFF, 0xFE, 0x69])
        try FileManager.default.createSymbolicLink(atPath: vault.root + "/templates/digest.html.mustache",
                                                   withDestinationPath: outside.root + "/secret.mustache")
        let store = TemplateStore(vaultRoot: vault.root)
        #expect(throws: TemplateError.unreadable(path: "templates/digest.md.mustache",
                                                 reason: "it is not UTF-8 text; re-save it as UTF-8 in your editor")) {
            try DigestRenderer.render(ReportFixture.digest(), format: .md, store: store)
        }
        let error = try #require(throws: TemplateError.self) { try DigestRenderer.render(ReportFixture.digest(), format: .html, store: store) }
        #expect(error.description.contains("templates/digest.html.mustache: error: can't read this template: it is a link to a file outside the vault"))
        #expect(try store.template(named: "../secret.mustache") == nil)
    }

    // MARK: - between templates [export]

    @Test func exportCopiesTheBuiltInsAndNeverOverwritesWithoutForce() throws {
        let vault = try TemporaryVault(["templates/digest.md.mustache": "mine\n"])
        defer { vault.remove() }
        let first = try TemplateExport.export(to: vault.root, force: false)
        let others = TemplateStore().builtInNames.filter { $0 != "digest.md.mustache" }.map { "templates/\($0)" }
        #expect(first.written == others)
        #expect(first.leftAlone == ["templates/digest.md.mustache"])
        #expect(try vault.read("templates/digest.md.mustache") == "mine\n")
        #expect(try vault.read("templates/digest.html.mustache") == BuiltinTemplates.files["digest.html.mustache"])

        let forced = try TemplateExport.export(to: vault.root, force: true)
        #expect(forced.replaced == ["templates/digest.md.mustache"])
        #expect(forced.unchanged == others)
        #expect(try vault.read("templates/digest.md.mustache") == BuiltinTemplates.files["digest.md.mustache"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: vault.root + "/templates").filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func templatesCommandListsAndExports() throws {
        let vault = try TemporaryVault(["between.yml": "", "templates/digest.md.mustache": "mine\n"])
        defer { vault.remove() }
        let list = try CLI.run(["templates"], in: vault.root)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("digest.html.mustache\n"))
        #expect(list.stdout.contains("thought-record.md.mustache\n"))
        #expect(list.stdout.split(separator: "\n").contains { $0.hasPrefix("digest.md.mustache ") && $0.hasSuffix("  overridden by templates/digest.md.mustache in your vault") })

        let export = try CLI.run(["templates", "export", "--vault", vault.root])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("Wrote templates/activity.md.mustache\n"))
        #expect(export.stdout.contains("Wrote templates/digest.html.mustache\n"))
        #expect(export.stdout.contains("Left templates/digest.md.mustache alone: it is already there (--force replaces it)\n"))
        let forced = try CLI.run(["templates", "export", "--force"], in: vault.root)
        #expect(forced.stdout.contains("Replaced templates/digest.md.mustache with the built-in one\n"))
        #expect(try vault.read("templates/digest.md.mustache") == BuiltinTemplates.files["digest.md.mustache"])
    }

    // MARK: - Helpers

    private func render(_ digest: Digest, _ format: DigestFormat) throws -> String {
        try DigestRenderer.render(digest, format: format, store: TemplateStore())
    }

    /// The text a CommonMark renderer shows for `markdown` (text nodes, soft breaks as spaces).
    private func markdownText(_ markdown: String) -> String {
        CommonMark.events(markdown).map { event -> String in
            guard case .enter(let node) = event else { return "" }
            return node.kind == .softBreak ? " " : node.kind == .text ? node.literal ?? "" : ""
        }.joined()
    }
}

/// An XHTML page read back with `XMLParser`: element names, attributes and text, or the parse error.
struct XHTMLPage {
    struct Attribute { var element: String; var name: String; var value: String }
    var elements: [String] = []
    var attributes: [Attribute] = []
    var text = ""

    init(_ html: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw XHTMLError(message: "not well-formed at line \(parser.lineNumber), column \(parser.columnNumber): \(String(describing: parser.parserError))")
        }
        self = collector.page
    }

    struct XHTMLError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    private final class Collector: NSObject, XMLParserDelegate {
        var page = XHTMLPage(empty: ())
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            page.elements.append(elementName)
            for (name, value) in attributeDict.sorted(by: { $0.key < $1.key }) {
                page.attributes.append(Attribute(element: elementName, name: name, value: value))
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { page.text += string }
    }

    private init(empty: Void) {}
}

/// A week and a half of invented notes, and a digest of them.
enum ReportFixture {
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let period = DigestPeriod(start: EntryDate(year: 2026, month: 11, day: 17), end: EntryDate(year: 2026, month: 11, day: 26),
                                     basis: "since the session on 2026-11-17")

    static func entry(_ path: String, _ frontMatter: String, body: String) -> Entry {
        EntryParser.parse(path: path, text: "---\n\(frontMatter)\n---\n\(body)\n")
    }

    static let assignments = [
        entry("homework/bus-exposure.md", "type: homework\ntitle: Bus exposure ladder\nassigned: 2026-10-20\nfrequency: 2/week",
              body: "Twice a week, one step of the ladder. Stay until the anxiety comes down by about half."),
        entry("homework/breathing.md", "type: homework\ntitle: 4-7-8 breathing\nassigned: 2026-10-01\nfrequency: daily",
              body: "Four rounds before bed."),
        entry("homework/thought-records.md", "type: homework\ntitle: Thought records\nassigned: 2026-10-06\nfrequency: as-needed",
              body: "When something big comes up."),
    ]

    static let entries = [
        entry("sessions/2026-11-17.md", "type: session\ndate: 2026-11-17",
              body: "# Session 5\nDeadline week coming.\n\n## For next session\n\n- Is it okay to do the minimum version of homework this week?"),
        entry("journal/2026-11-17-breathing.md", "type: reflection\ndate: 2026-11-17 21:40\nhomework: breathing\nmood: 5",
              body: "Did the breathing before bed. Fell asleep halfway through the third round."),
        entry("journal/2026-11-19-bus.md",
              "type: exposure\ndate: 2026-11-19 09:15\nhomework: bus-exposure\ntitle: The 14 to work\nsuds-before: 60\nsuds-peak: 75\nsuds-after: 30\nhelpful: 9\nfit: 6\ntags: [win]",
              body: "## What happened\nThe 8:06 was packed.\n\n## What I learned\nWaiting is worse than the bus."),
        entry("journal/2026-11-20-supermarket.md",
              "type: mood\ndate: 2026-11-20 18:40\ntitle: Supermarket\nmood: 3\ndistress: 80\nflags: [triggered]",
              body: "The queue was huge and the lights were buzzing.\nI left the basket and walked out."),
        entry("journal/2026-11-21-thought-record.md",
              "type: thought-record\ndate: 2026-11-21 03:10\nhomework: thought-records\nmood: 2\nemotions:\n  anxious: 80\n  sad: 60\nemotions-after:\n  anxious: 50\n  sad: 40",
              body: "## Automatic thoughts\nI'm back at square one.\n\n## Questions\n\n- Can we talk about sleep properly?"),
        entry("journal/2026-11-22-mood.md", "type: mood\ndate: 2026-11-22 10:15\nmood: 6\ndistress: 30", body: "Slept eight hours."),
        entry("journal/2026-11-22-private.md", "type: mood\ndate: 2026-11-22 23:00\nmood: 4\nprivate: true", body: "Mum called."),
        entry("journal/2026-11-23-phq9.md",
              "type: measure\ndate: 2026-11-23 20:00\ntitle: PHQ-9 check-in\ninstrument: phq9\nitems: [1, 2, 1, 1, 2, 1, 1, 1, 1]",
              body: "Filled in before the session, as Maya asked."),
        entry("journal/2026-11-24-bus.md",
              "type: exposure\ndate: 2026-11-24 10:00\nhomework: bus-exposure\ntitle: One stop, off-peak\nsuds-before: 50\nsuds-peak: 55\nsuds-after: 20\nhelpful: 7\nfit: 6",
              body: "Easier than last time."),
        entry("journal/2026-11-25-mood.md", "type: mood\ndate: 2026-11-25 21:30\nmood: 7\ndistress: 20", body: "Report handed in."),
    ]

    static func digest() -> Digest {
        var config = VaultConfig()
        config.crisisLine = "Samaritans (UK & Ireland): 116 123"
        return DigestBuilder.build(DigestInput(period: period, entries: entries, assignments: assignments, config: config))
    }

    static let hostileStrings = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[link](javascript:alert(1))",
        "{{ title }}",
        "&amp; &lt;b&gt; &#60;i&#62; &broken",
        "\"double\" and 'single'",
        "*stars* _under_ `tick` ~strike~ \\back",
    ]

    /// The fixture's digest with every piece of text a person could have written replaced by hostile text.
    static func hostileDigest() -> Digest {
        let hostile = hostileStrings.joined(separator: " ")
        var digest = digest()
        digest.crisisLine = hostile
        for index in digest.raise.indices {
            digest.raise[index].title = hostile
            digest.raise[index].summary = hostile
            digest.raise[index].details = [hostile]
            digest.raise[index].files = ["journal/" + hostile + ".md", "journal/" + hostile + "-2.md"]
            digest.raise[index].quote = index == 0 ? "fine\n# Heading\n- item\n1. item\n> quoted\n| a | b |" : hostile
        }
        digest.inShort = [hostile]
        for index in digest.homework.indices { digest.homework[index].title = hostile }
        for index in digest.questions.indices { digest.questions[index].text = hostile }
        digest.openTasks = digest.questions
        for index in digest.wins.indices {
            digest.wins[index].title = hostile
            digest.wins[index].quote = hostile
        }
        for index in digest.helped.indices {
            digest.helped[index].name = hostile
            digest.helped[index].line = hostile
        }
        return digest
    }
}
