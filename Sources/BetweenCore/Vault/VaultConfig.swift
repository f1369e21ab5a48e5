import Foundation

/// The vault's optional `between.yml`. Every setting is optional.
public struct VaultConfig: Sendable, Hashable {
    /// IANA zone name for "today" and local days; nil means the system's.
    public var timezone: String?
    /// `monday` (default) or `sunday`.
    public var weekStart: String = "monday"
    /// Digest thresholds (docs/format.md#betweenyml, docs/digest.md#1-raise-with-your-therapist).
    public var thresholds = Thresholds()
    /// Text shown by `cope` and beside any risk item, e.g. a local crisis number.
    public var crisisLine: String?
    /// Glob patterns of paths (relative to the root) that are not sources.
    public var exclude: [String] = []
    /// Entries without a `private:` field are private. Fails closed: a value that isn't
    /// exactly `true` or `false`, a look-alike key, or a `between.yml` that can't be read
    /// but mentions `private` makes it true (see `parse` and `load(root:)`).
    public var privateByDefault = false
    /// Diary-card urges whose names mean suicide or self-harm: the default list plus the
    /// vault's `risk-urges`. A vault's list only adds names: a setting that forgot `suicide`
    /// must never stop it being raised.
    public var riskUrges: [String] = VaultConfig.defaultRiskUrges
    /// Private notes travel encrypted in git (`encryption:`, written by `between encrypt setup`);
    /// nil when the setting is absent. Present, even when damaged, it means encryption is on.
    public var encryption: EncryptionSettings?

    public init() {}

    /// Levels at which the digest raises an item.
    public struct Thresholds: Sendable, Hashable {
        public var distress: Double = 70
        public var fit: Double = 3
        public var helpful: Double = 3
        public var functioning: Double = 3
        /// How far distress (0–100) must rise across a period to be raised as a trend.
        public var distressRise: Double = 10
        /// How far mood (0–10) must fall across a period to be raised as a trend.
        public var moodFall: Double = 2
        /// How far functioning (0–10) must fall across a period to be raised as a trend.
        public var functioningFall: Double = 2
        public init() {}

        /// Each threshold's key in `between.yml`, with the property it sets.
        static let keys: [(String, WritableKeyPath<Thresholds, Double> & Sendable)] = [
            ("distress", \.distress), ("fit", \.fit), ("helpful", \.helpful), ("functioning", \.functioning),
            ("distress-rise", \.distressRise), ("mood-fall", \.moodFall), ("functioning-fall", \.functioningFall),
        ]
    }

    /// The urge names that always mean suicide or self-harm; `risk-urges` adds to them.
    /// DBT diary cards name them in many ways; these are matched as `RiskUrges` describes.
    public static let defaultRiskUrges = [
        "suicide", "suicidal", "suicidal-thoughts", "si", "die", "kill-myself",
        "self-harm", "selfharm", "self-injury", "sh", "nssi", "cutting",
    ]

    /// The file name that marks a vault's root.
    public static let fileName = "between.yml"

    /// Reads `between.yml` text; problems become diagnostics and the setting keeps its
    /// default, except `private-by-default`, which fails closed (true) when in doubt.
    public static func parse(_ text: String, path: String = fileName) -> (VaultConfig, [Diagnostic]) {
        var config = VaultConfig()
        // The settings file is a YAML document, read by the same hardened YAML path as
        // front matter (its own `---` and `...` markers allowed, a BOM and CRLF too),
        // whose messages call it by its name.
        let reading = YAMLFrontMatter.read(FrontMatterText.normalised(text)[...], firstLine: 1, subject: .file(path))
        var diagnostics = reading.diagnostics.map { $0.located(in: path) }
        let fields = reading.fields ?? []
        func problem(_ message: String, _ pair: FieldPair) {
            diagnostics.append(.error(message, in: path, at: pair.valuePosition ?? pair.keyPosition))
        }
        if diagnostics.contains(where: { $0.severity == .error }), mentionsPrivate(text) {
            config.privateByDefault = true
            diagnostics.append(.warning("this file can't be read as settings (see the error) and it mentions 'private', so entries without a `private:` line count as private until it is fixed",
                                        in: path, at: .fileStart))
        }
        for pair in fields {
            switch (pair.key, pair.value) {
            case ("private-by-default", .bool(let flag)):
                config.privateByDefault = flag
            case ("private-by-default", let value):
                config.privateByDefault = true
                diagnostics.append(.warning("private-by-default should be true or false, without quotes; \(shown(value)) isn't, so entries without a `private:` line count as private until you write `private-by-default: true` or `private-by-default: false`",
                                            in: path, at: pair.valuePosition ?? pair.keyPosition))
            case (let key, _) where !knownKeys.contains(key) && looksLikePrivacySetting(key):
                config.privateByDefault = true
                diagnostics.append(.warning("'\(key)' looks like the setting private-by-default but isn't written exactly so; to be safe, entries without a `private:` line count as private until you write `private-by-default: true` or `private-by-default: false`",
                                            in: path, at: pair.keyPosition))
            case (_, .null):
                continue
            case ("timezone", .string(let name)):
                if TimeZone(identifier: name) == nil {
                    problem("timezone '\(name)' is not a time zone Between knows; use an IANA name like Europe/London or America/New_York", pair)
                } else {
                    config.timezone = name
                }
            case ("week-start", .string(let day)) where ["monday", "sunday"].contains(day.lowercased()):
                config.weekStart = day.lowercased()
            case ("week-start", _):
                problem("week-start should be monday or sunday", pair)
            case ("thresholds", .map(let pairs)):
                for inner in pairs {
                    guard let number = inner.value.number, number.isFinite else {
                        problem("thresholds.\(inner.key) should be a number", inner)
                        continue
                    }
                    if let (_, property) = Thresholds.keys.first(where: { $0.0 == inner.key }) {
                        config.thresholds[keyPath: property] = number
                    } else {
                        let known = Thresholds.keys.map(\.0)
                        diagnostics.append(.warning("unknown threshold '\(inner.key)'; known ones are \(known.dropLast().joined(separator: ", ")) and \(known.last!)",
                                                    in: path, at: inner.keyPosition))
                    }
                }
            case ("crisis-line", let value) where value.text != nil:
                config.crisisLine = value.text
            case ("exclude", .list(let items)):
                config.exclude = items.compactMap(\.text)
            case ("exclude", .string(let pattern)):
                config.exclude = [pattern]
            case ("risk-urges", .list(let items)) where items.allSatisfy({ $0.text != nil }):
                config.riskUrges = defaultRiskUrges + items.compactMap(\.text).filter { !defaultRiskUrges.contains($0) }
            case ("risk-urges", .string(let name)):
                config.riskUrges = defaultRiskUrges + (defaultRiskUrges.contains(name) ? [] : [name])
            case ("encryption", let value):
                let (settings, problems) = EncryptionSettings.parse(value, pair: pair, path: path)
                config.encryption = settings
                diagnostics += problems
            case ("timezone", _), ("thresholds", _), ("crisis-line", _), ("exclude", _), ("risk-urges", _):
                problem("\(pair.key) has the wrong kind of value (\(pair.value.kindDescription)); see the comments in a fresh between.yml from `between init`", pair)
            default:
                diagnostics.append(.warning("unknown setting '\(pair.key)'; it is ignored", in: path, at: pair.keyPosition))
            }
        }
        return (config, diagnostics)
    }

    /// The settings Between knows.
    static let knownKeys: Set = ["timezone", "week-start", "thresholds", "crisis-line", "exclude", "private-by-default", "risk-urges", "encryption"]

    /// Whether an unknown key was probably meant as `private-by-default` (`Private-By-Default`,
    /// `private_by_default`, a typo, a look-alike letter or an invisible character in it), or
    /// mentions `priv` at all (`privacy`, `private`): such a key fails closed.
    static func looksLikePrivacySetting(_ key: String) -> Bool {
        let folded = PrivateSpelling.folded(key)
        return folded.contains("priv") || Suggestion.closest(to: folded, among: Array(knownKeys)) == "private-by-default"
    }

    /// Whether the text mentions `private` (any case) outside whole-line comments: for a
    /// file that can't be read as settings, whether it may have asked for privacy.
    static func mentionsPrivate(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: \.isNewline).contains { line in
            !line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") && line.contains("private")
        }
    }

    /// A value as a message shows it: short text quoted, anything else by its kind.
    private static func shown(_ value: FieldValue) -> String {
        switch value {
        case .null: return "a blank value"
        case .string(let text): return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        default: return value.kindDescription
        }
    }
}
