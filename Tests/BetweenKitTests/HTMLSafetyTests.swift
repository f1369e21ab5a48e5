import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The HTML digest shows hostile text as text: no element, attribute or URL the user didn't
/// write as text, and the page stays well-formed.
@Suite struct HTMLSafetyTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click me</a>",
        "[click](javascript:alert(1)) and <javascript:alert(2)>",
        "![pic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<iframe src=\"https://example.invalid/\"></iframe><object data=x></object><embed src=x>",
        "\"><svg onload=alert(1)><p style=\"background:url(javascript:alert(1))\">",
        "broken &amp &bogus; &#0; &#x110000; &#xD800; &lt; ]]> <![CDATA[x]]> <!-- c",
        "{{title}} {{{body}}} {{#entries}}x{{/entries}} {{> partial}}",
        "<style>body{background:url(https://example.invalid/t.png)}</style><link rel=stylesheet href=//x>",
        "' onmouseover='alert(1)' x='",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math><form action=x><input autofocus onfocus=alert(1)>",
    ]

    /// One flagged entry per string (so each is raised and quoted), a question, a win and a homework.
    static func vault(_ texts: [String]) throws -> TemporaryVault {
        var files: [String: String] = [:]
        for (index, text) in texts.enumerated() {
            let quoted = "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
            files["log/e\(index).md"] = """
            ---
            type: thought-record
            date: 2026-11-\(String(format: "%02d", 10 + index)) 19:30
            title: \(quoted)
            situation: \(quoted)
            homework: hw
            flags: [triggered]
            tags: [win]
            distress: 90
            mood: \(index % 10)
            helpful: 9
            fit: 2
            functioning: 2
            ---
            ## What happened
            \(text)

            ## Questions
            - \(text)?
            """
        }
        let first = "'" + (texts.first ?? "").replacingOccurrences(of: "'", with: "''") + "'"
        files["homework/hw.md"] = "---\ntype: homework\ntitle: \(first)\nassigned: 2026-11-01\nfrequency: daily\ngoal: \(first)\n---\n\(texts.first ?? "")\n"
        files["sessions/s.md"] = "---\ntype: session\ndate: 2026-11-05\n---\n# Session\n"
        return try TemporaryVault(files)
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: Set<String> = []
        var attributes: [(element: String, name: String, value: String)] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            elements.insert(elementName.lowercased())
            for (name, value) in attributeDict { attributes.append((elementName.lowercased(), name.lowercased(), value)) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    static func parse(_ html: String) -> (Collector, Error?) {
        let collector = Collector()
        // XML has no HTML doctype entities; the page is expected to be XHTML-compatible.
        let parser = XMLParser(data: Data(html.utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let ok = parser.parse()
        return (collector, ok ? nil : parser.parserError ?? CocoaError(.coderReadCorrupt))
    }

    static func digestHTML(_ vault: TemporaryVault) throws -> String {
        let result = try HardeningCLI.run(["digest", "--since", "2026-11-01", "--until", "2026-11-25", "--format", "html", "--vault", vault.root],
                                          environment: ["BETWEEN_TODAY": "2026-11-25"])
        #expect(result.status == 0, "\(result)")
        return result.stdout
    }

    @Test func hostileTextStaysText() throws {
        let harmless = try Self.vault(Self.hostile.indices.map { "Plain words number \($0) here" })
        defer { harmless.remove() }
        let (reference, referenceError) = Self.parse(try Self.digestHTML(harmless))
        #expect(referenceError == nil, "the harmless digest is well-formed: \(String(describing: referenceError))")
        #expect(reference.elements.contains("html") && reference.elements.contains("body"))

        let vault = try Self.vault(Self.hostile)
        defer { vault.remove() }
        let before = try vault.fingerprint()
        let html = try Self.digestHTML(vault)
        let (page, error) = Self.parse(html)
        #expect(error == nil, "the hostile digest is well-formed: \(String(describing: error))")

        let forbidden: Set<String> = ["script", "iframe", "object", "embed", "img", "form", "input", "link", "math", "frame", "base", "applet"]
        #expect(page.elements.isDisjoint(with: forbidden), "forbidden elements: \(page.elements.intersection(forbidden))")
        #expect(page.elements.isSubset(of: reference.elements), "elements not in the template's own set: \(page.elements.subtracting(reference.elements))")
        for attribute in page.attributes {
            #expect(!attribute.name.hasPrefix("on"), "event handler \(attribute)")
            if attribute.name == "style" { #expect(!attribute.value.lowercased().contains("url("), "style with url(): \(attribute)") }
            if ["href", "src", "xlink:href", "action", "formaction", "data", "srcset", "poster"].contains(attribute.name) {
                #expect(attribute.name == "href" && attribute.value.hasPrefix("#"), "URL attribute \(attribute)")
            }
            let value = attribute.value.lowercased().replacingOccurrences(of: " ", with: "")
            #expect(!value.contains("javascript:") && !value.contains("data:text"), "script URL in \(attribute)")
        }
        // Attributes on elements the reference also has must be attribute names the template itself uses.
        let referenceAttributes = Set(reference.attributes.map { "\($0.element)@\($0.name)" })
        let extra = Set(page.attributes.map { "\($0.element)@\($0.name)" }).subtracting(referenceAttributes)
        #expect(extra.isEmpty, "attributes not in the template's own set: \(extra)")
        // The titles are shown as the person wrote them, as text.
        for text in Self.hostile {
            #expect(page.text.contains(text), "shown as text: \(text)")
        }
        #expect(try vault.fingerprint() == before)
    }
}
