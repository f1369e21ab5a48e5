import Testing
@testable import BetweenCore
@testable import BetweenKit

/// Which keys and words Between reads as `private` (docs/format.md, "Private entries").
@Suite struct PrivateSpellingTests {
    @Test func spellingsOfPrivateAndWhyTheyDiffer() {
        let cases: [(String, PrivateSpelling.Difference)] = [
            ("Private", .letterCase), ("PRIVATE", .letterCase), (" private", .spaces), ("private\u{A0}", .spaces),
            ("pri\u{200B}vate", .invisible), ("pri\u{200D}vate", .invisible), ("\u{FEFF}private", .invisible),
            ("private\u{2060}", .invisible), ("priv\u{AD}ate", .invisible), ("\u{202E}private", .invisible),
            ("pr\u{456}vate", .lookAlike), ("\u{440}rivate", .lookAlike), ("priv\u{430}te", .lookAlike), ("privat\u{435}", .lookAlike),
            ("PR\u{399}VATE", .lookAlike), ("pr\u{131}vate", .lookAlike), ("\u{420}RIVATE", .lookAlike),
            ("\u{FF50}rivate", .otherForm), ("\u{1D429}\u{1D42B}\u{1D422}\u{1D42F}\u{1D41A}\u{1D42D}\u{1D41E}", .otherForm),
            ("pr\u{ED}vate", .accents), ("pri\u{301}vate", .accents),
            ("privte", .typo), ("privat", .typo), ("privates", .typo), ("pirvate", .typo), ("privaet", .typo), ("prjvate", .typo),
            ("_private", .typo), ("Privat", .typo),
        ]
        for (key, expected) in cases {
            #expect(PrivateSpelling.difference(key) == expected, "\(key.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // The invisible character is named first: it is the one the person can't see.
        #expect(PrivateSpelling.difference("Pri\u{200B}vate") == .invisible)
    }

    @Test func otherKeysAreNotPrivate() {
        for key in ["private", "privacy", "pirate", "prize", "rival", "deprivation", "privileged", "title", "p", "",
                    "privately", "is-private", "\u{200B}", "прив", "privet"] {
            #expect(PrivateSpelling.difference(key) == nil, "\(key)")
        }
    }

    @Test func mentionsInTextAreFoundWithTheirPosition() {
        let text = "title: [oops\nnote: kept\u{200B} PRIVATELY, mostly\n"
        #expect(PrivateSpelling.firstMention(in: text, line: 2, column: 1) == SourcePosition(line: 3, column: 13))
        // JSON can start after spaces on its first line; columns count characters, not bytes.
        #expect(PrivateSpelling.firstMention(in: "{\"é\": 1, \"isPrivate\": true", line: 1, column: 3)
                == SourcePosition(line: 1, column: 13))
        #expect(PrivateSpelling.firstMention(in: "a pr\u{456}vate word", line: 5, column: 1) == SourcePosition(line: 5, column: 3))
        #expect(PrivateSpelling.firstMention(in: "ends with privte", line: 1, column: 1) == SourcePosition(line: 1, column: 11))
        #expect(PrivateSpelling.firstMention(in: "is_private: true", line: 1, column: 1) == SourcePosition(line: 1, column: 4))
        #expect(PrivateSpelling.firstMention(in: "mood: 4\ntitle: [a pirate's life\n", line: 2, column: 1) == nil)
        #expect(PrivateSpelling.firstMention(in: "", line: 1, column: 1) == nil)
    }

    @Test func keysAreShownWithTheirHiddenCharactersNamed() {
        #expect(PrivateSpelling.shown("pri\u{200B}vate") == "pri<U+200B>vate")
        #expect(PrivateSpelling.shown("pr\u{456}vate") == "pr<U+0456>vate")
        #expect(PrivateSpelling.shown("Private") == "Private")
        #expect(PrivateSpelling.shown("\u{1B}]0;x") == "<U+001B>]0;x")
        #expect(PrivateSpelling.shown(String(repeating: "p", count: 100)) == String(repeating: "p", count: 40) + "…")
    }
}
