import Foundation

/// The vault's optional `between.yml`. Every setting is optional.
public struct VaultConfig: Sendable, Hashable {
    /// IANA zone name for "today" and local days; nil means the system's.
    public var timezone: String?
    /// `monday` (default) or `sunday`.
    public var weekStart: String = "monday"
    /// Digest thresholds (DESIGN.md).
    public var thresholds = Thresholds()
    /// Text shown by `cope` and beside any risk item, e.g. a local crisis number.
    public var crisisLine: String?
    /// Glob patterns of paths (relative to the root) that are not sources.
    public var exclude: [String] = []
    /// Entries without a `private:` field are private.
    public var privateByDefault = false
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
        public init() {}
    }

    /// The file name that marks a vault's root.
    public static let fileName = "between.yml"

    /// Reads `between.yml` text; problems become diagnostics and the setting keeps its default.
    public static func parse(_ text: String, path: String = fileName) -> (VaultConfig, [Diagnostic]) {
        var config = VaultConfig()
        // The settings file is a YAML document, read by the same hardened YAML path as
        // front matter (its own `---` and `...` markers allowed, a BOM and CRLF too),
        // whose messages call it by its name.
        let reading = YAMLFrontMatter.read(FrontMatterText.normalised(text)[...], firstLine: 1, subject: .file(path))
        var diagnostics = reading.diagnostics.map { diagnostic in
            var located = diagnostic
            located.path = path
            return located
        }
        let fields = reading.fields ?? []
        func problem(_ message: String, _ pair: FieldPair) {
            diagnostics.append(.error(message, in: path, at: pair.valuePosition ?? pair.keyPosition))
        }
        for pair in fields {
            switch (pair.key, pair.value) {
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
                    switch inner.key {
                    case "distress": config.thresholds.distress = number
                    case "fit": config.thresholds.fit = number
                    case "helpful": config.thresholds.helpful = number
                    case "functioning": config.thresholds.functioning = number
                    default:
                        diagnostics.append(.warning("unknown threshold '\(inner.key)'; known ones are distress, fit, helpful and functioning",
                                                    in: path, at: inner.keyPosition))
                    }
                }
            case ("crisis-line", let value) where value.text != nil:
                config.crisisLine = value.text
            case ("exclude", .list(let items)):
                config.exclude = items.compactMap(\.text)
            case ("exclude", .string(let pattern)):
                config.exclude = [pattern]
            case ("private-by-default", .bool(let flag)):
                config.privateByDefault = flag
            case ("encryption", let value):
                let (settings, problems) = EncryptionSettings.parse(value, pair: pair, path: path)
                config.encryption = settings
                diagnostics += problems
            case ("timezone", _), ("thresholds", _), ("crisis-line", _), ("exclude", _), ("private-by-default", _):
                problem("\(pair.key) has the wrong kind of value (\(pair.value.kindDescription)); see the comments in a fresh between.yml from `between init`", pair)
            default:
                diagnostics.append(.warning("unknown setting '\(pair.key)'; it is ignored", in: path, at: pair.keyPosition))
            }
        }
        return (config, diagnostics)
    }
}
