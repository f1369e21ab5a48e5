import Foundation
import PropertyBased
import Testing

/// Private entries never reach a digest or an export unless `--include-private` is given.
///
/// Random vaults of up to six entries; each entry carries its own marker word in its title,
/// body, a question, a tag and a field value, and each private one says so in one of the
/// ways Between must read as private (`PrivateStyle`): `private: true`, a capital or
/// look-alike key, a blank, a value that isn't a boolean, front matter that can't be read
/// but mentions it (YAML, TOML, JSON, an unclosed fence, git conflict markers). Private
/// markers must be absent from every digest format and every export format, and present
/// in the exports with `--include-private`.
@Suite(.shrinking(false)) struct PrivacyPropertyTests {
    static let types = ["mood", "reflection", "thought-record", "exposure", "activity", "note", "session", "homework"]

    /// One way of marking an entry private.
    struct PrivateStyle: Sendable {
        var name: String
        /// Whether the front matter can still be read (its type and date count in the digest).
        var readable = true
        /// The front matter block (fences included) made from the entry's YAML lines.
        var frontMatter: @Sendable (_ yaml: String, _ spec: Spec) -> String
    }

    static func yamlLine(_ name: String, _ line: String) -> PrivateStyle {
        PrivateStyle(name: name) { yaml, _ in "---\n\(yaml)\(line)\n---\n" }
    }

    static let styles: [PrivateStyle] = [
        yamlLine("private: true", "private: true"),
        yamlLine("private: yes please", "private: yes please"),
        yamlLine("private: True", "private: True"),
        yamlLine("Private: true", "Private: true"),
        yamlLine("PRIVATE: false", "PRIVATE: false"),
        yamlLine("a Cyrillic і", "pr\u{456}vate: true"),
        yamlLine("a Cyrillic а, false", "priv\u{430}te: false"),
        yamlLine("a Greek ο", "private: false\npriv\u{3B1}te: true"),
        yamlLine("a zero-width space", "pri\u{200B}vate: true"),
        yamlLine("a zero-width joiner, false", "priva\u{200D}te: false"),
        yamlLine("full-width", "\u{FF50}\u{FF52}\u{FF49}\u{FF56}\u{FF41}\u{FF54}\u{FF45}: true"),
        yamlLine("a typing slip", "privte: true"),
        yamlLine("blank", "private:"),
        yamlLine("null", "private: null"),
        yamlLine("~", "private: ~"),
        yamlLine("no", "private: no"),
        yamlLine("\"false\"", "private: \"false\""),
        yamlLine("0", "private: 0"),
        yamlLine("a list", "private: [maybe]"),
        yamlLine("nested", "meta:\n  private: true"),
        PrivateStyle(name: "broken YAML", readable: false) { yaml, _ in "---\n\(yaml)private: true\noops: [unclosed\n---\n" },
        PrivateStyle(name: "a duplicate key", readable: false) { yaml, _ in "---\n\(yaml)Private: true\ntype: note\n---\n" },
        PrivateStyle(name: "unclosed YAML", readable: false) { yaml, _ in "---\n\(yaml)private: true\n" },
        PrivateStyle(name: "broken TOML", readable: false) { _, spec in
            "+++\ntitle = Entry \(spec.marker) title\nprivate = true\n+++\n"
        },
        PrivateStyle(name: "TOML under [params]") { _, spec in
            "+++\ntype = \"\(spec.type)\"\ntitle = \"Entry \(spec.marker) title\"\n"
                + (spec.type == "homework" ? "id = \"hw-\(spec.marker)\"\n" : "date = \(PrivacyPropertyTests.date(spec).replacingOccurrences(of: " ", with: "T")):00\n")
                + "tags = [\"win\", \"tag\(spec.marker)\"]\n[params]\nprivate = true\n+++\n"
        },
        PrivateStyle(name: "broken JSON", readable: false) { _, spec in
            "{\"title\": \"Entry \(spec.marker) title\", \"private\": true, oops}\n"
        },
        PrivateStyle(name: "git conflict markers", readable: false) { yaml, _ in
            "---\n<<<<<<< HEAD\n\(yaml)private: true\n=======\n\(yaml)>>>>>>> phone\n---\n"
        },
        PrivateStyle(name: "a file in a git conflict", readable: false) { yaml, _ in
            "<<<<<<< HEAD\n---\n\(yaml)private: true\n---\n=======\n---\n\(yaml)---\n>>>>>>> phone\n"
        },
    ]

    struct Spec: CustomStringConvertible {
        var isPrivate: Bool
        var type: String
        var day: Int
        var flagged: Bool
        var marker: String
        var style: Int
        var description: String { "\(type)\(isPrivate ? " private (\(PrivacyPropertyTests.styles[style].name))" : "") day \(day) \(marker)" }
    }

    static func date(_ spec: Spec) -> String { String(format: "2026-11-%02d 19:30", spec.day) }

    static func file(_ spec: Spec) -> String {
        var yaml = "type: \(spec.type)\ntitle: Entry \(spec.marker) title\n"
        yaml += spec.type == "homework" ? "id: hw-\(spec.marker)\nassigned: 2026-11-01\nfrequency: daily\n" : "date: \(date(spec))\n"
        yaml += "tags: [win, tag\(spec.marker)]\n"
        yaml += "situation: field \(spec.marker) value\n"
        yaml += "custom-note: \(spec.marker)\n"
        if spec.flagged { yaml += "flags: [triggered, overwhelmed]\ndistress: 95\nfit: 1\nhelpful: 9\nmood: 2\n" }
        // A public entry says nothing about privacy, or (on even days) `private: false`.
        let frontMatter = spec.isPrivate ? styles[spec.style].frontMatter(yaml, spec)
            : "---\n\(yaml)\(spec.day.isMultiple(of: 2) ? "private: false\n" : "")---\n"
        return frontMatter + """
        # Heading \(spec.marker)

        ## What happened
        Body text about \(spec.marker) on the bus.

        ## Questions
        - Why does \(spec.marker) happen?

        Is \(spec.marker) normal?
        """
    }

    static let today = ["BETWEEN_TODAY": "2026-11-25"]

    @Test func privateMarkersNeverLeakUnlessIncluded() async throws {
        let specGen = zip(Gen.bool, Gen.int(in: 0..<Self.types.count), Gen.int(in: 1...24), Gen.bool, Gen.lowercaseLetter.string(of: 6),
                          Gen.int(in: 0..<Self.styles.count))
        await propertyCheck(count: 12, input: specGen.array(of: 1...6)) { rawSpecs in
            var specs = rawSpecs.enumerated().map { index, raw in
                Spec(isPrivate: raw.0, type: Self.types[raw.1], day: raw.2, flagged: raw.3, marker: "zq\(raw.4)x\(index)q", style: raw.5)
            }
            // At least one private and one public entry in every vault.
            specs[0].isPrivate = true
            if specs.count > 1 { specs[specs.count - 1].isPrivate = false }
            try Self.expectNoLeaks(specs)
        }
    }

    /// Every style at least once, each on a flagged entry the digest would raise.
    @Test func everyWayOfSayingPrivateIsKeptOut() throws {
        var specs = Self.styles.indices.map { style in
            Spec(isPrivate: true, type: Self.types[style % Self.types.count], day: 1 + style % 24, flagged: true,
                 marker: "zqstyle\(style)q", style: style)
        }
        specs.append(Spec(isPrivate: false, type: "reflection", day: 20, flagged: true, marker: "zqpublicq", style: 0))
        try Self.expectNoLeaks(specs)
    }

    static func expectNoLeaks(_ specs: [Spec]) throws {
        let vault = try TemporaryVault(Dictionary(uniqueKeysWithValues: specs.enumerated().map { index, spec in
            ("entries/e\(index)-\(spec.marker).md", Self.file(spec))
        }))
        defer { vault.remove() }
        let privateMarkers = specs.filter(\.isPrivate).map(\.marker)
        let publicMarkers = specs.filter { !$0.isPrivate }.map(\.marker)

        var hidden: [(String, String)] = []
        var shown: [(String, String)] = []
        for format in ["md", "html", "json"] {
            for include in [false, true] {
                let result = try HardeningCLI.run(["digest", "--since", "2026-01-01", "--until", "2026-11-25", "--format", format,
                                                   "--vault", vault.root] + (include ? ["--include-private"] : []),
                                                  environment: Self.today)
                #expect(result.status == 0, "digest \(format): \(result)")
                if include { shown.append(("digest \(format)", result.stdout)) } else { hidden.append(("digest \(format)", result.stdout)) }
            }
        }
        for format in ["json", "jsonl", "csv"] {
            for include in [false, true] {
                let result = try HardeningCLI.run(["export", "--format", format, "--vault", vault.root] + (include ? ["--include-private"] : []),
                                                  environment: Self.today)
                #expect(result.status == 0, "export \(format): \(result)")
                if include { shown.append(("export \(format)", result.stdout)) } else { hidden.append(("export \(format)", result.stdout)) }
            }
        }
        for (name, output) in hidden {
            for marker in privateMarkers {
                let lines = output.split(separator: "\n").filter { $0.contains(marker) }.prefix(4)
                #expect(lines.isEmpty, "\(name) leaks private marker \(marker) (\(specs.first { $0.marker == marker }!)): \(lines.joined(separator: " ⏎ "))")
            }
        }
        for (name, output) in shown + hidden where name.hasPrefix("export") {
            for marker in publicMarkers {
                let found = output.contains(marker)
                #expect(found, "\(name) should contain public marker \(marker)")
            }
        }
        for (name, output) in shown where name.hasPrefix("export") {
            for marker in privateMarkers {
                let found = output.contains(marker)
                #expect(found, "\(name) --include-private should contain \(marker)")
            }
        }
        // The digest collects questions from every entry read: with --include-private, private ones too.
        // (Plain notes and homework contribute no questions, nor do notes whose front matter can't be read.)
        let loggedPrivate = specs.filter { $0.isPrivate && !["note", "homework"].contains($0.type) && Self.styles[$0.style].readable }
            .map(\.marker)
        for (name, output) in shown where name.hasPrefix("digest") {
            for marker in loggedPrivate {
                let found = output.contains(marker)
                #expect(found, "\(name) --include-private should contain \(marker); vault: \(specs)")
            }
        }
    }
}
