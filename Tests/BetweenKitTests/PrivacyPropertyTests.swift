import Foundation
import PropertyBased
import Testing

/// Private entries never reach a digest or an export unless `--include-private` is given.
///
/// Random vaults of up to six entries; each entry carries its own marker word in its title,
/// body, a question, a tag and a field value. Private markers must be absent from every
/// digest format and every export format, and present in the exports with `--include-private`.
@Suite(.shrinking(false)) struct PrivacyPropertyTests {
    static let types = ["mood", "reflection", "thought-record", "exposure", "activity", "note", "session", "homework"]

    struct Spec: CustomStringConvertible {
        var isPrivate: Bool
        var type: String
        var day: Int
        var flagged: Bool
        var marker: String
        var description: String { "\(type)\(isPrivate ? " private" : "") day \(day) \(marker)" }
    }

    static func file(_ spec: Spec, privateStyle: Int) -> String {
        let date = String(format: "2026-11-%02d 19:30", spec.day)
        var yaml = "type: \(spec.type)\ntitle: Entry \(spec.marker) title\n"
        yaml += spec.type == "homework" ? "id: hw-\(spec.marker)\nassigned: 2026-11-01\nfrequency: daily\n" : "date: \(date)\n"
        yaml += "tags: [win, tag\(spec.marker)]\n"
        yaml += "situation: field \(spec.marker) value\n"
        yaml += "custom-note: \(spec.marker)\n"
        if spec.flagged { yaml += "flags: [triggered, overwhelmed]\ndistress: 95\nfit: 1\nhelpful: 9\nmood: 2\n" }
        if spec.isPrivate {
            yaml += ["private: true\n", "private: yes please\n", "private: True\n"][privateStyle % 3]
        }
        return """
        ---
        \(yaml)---
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
        let specGen = zip(Gen.bool, Gen.int(in: 0..<Self.types.count), Gen.int(in: 1...24), Gen.bool, Gen.lowercaseLetter.string(of: 6))
        await propertyCheck(count: 12, input: specGen.array(of: 1...6), Gen.int(in: 0...2)) { rawSpecs, privateStyle in
            var specs = rawSpecs.enumerated().map { index, raw in
                Spec(isPrivate: raw.0, type: Self.types[raw.1], day: raw.2, flagged: raw.3, marker: "zq\(raw.4)x\(index)q")
            }
            // At least one private and one public entry in every vault.
            specs[0].isPrivate = true
            if specs.count > 1 { specs[specs.count - 1].isPrivate = false }
            let vault = try TemporaryVault(Dictionary(uniqueKeysWithValues: specs.enumerated().map { index, spec in
                ("entries/e\(index)-\(spec.marker).md", Self.file(spec, privateStyle: privateStyle))
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
            // (Plain notes and homework contribute no questions, so they are not required here.)
            let loggedPrivate = specs.filter { $0.isPrivate && !["note", "homework"].contains($0.type) }.map(\.marker)
            for (name, output) in shown where name.hasPrefix("digest") {
                for marker in loggedPrivate {
                    let found = output.contains(marker)
                    #expect(found, "\(name) --include-private should contain \(marker); vault: \(specs)")
                }
            }
        }
    }
}
