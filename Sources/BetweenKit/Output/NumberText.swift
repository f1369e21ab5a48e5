/// Numbers as the digest, `trend`, `homework` and the templates write them: whole numbers
/// without decimals, others to one place.
enum NumberText {
    static func short(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        // Beyond this no rating goes, and Int can't hold ten times the value: as Swift writes it.
        guard abs(value) < 1e15 else { return "\(value)" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A typical value of a rating in words: whole numbers on a 0–100 scale (distress),
    /// one decimal place on a 0–10 scale.
    static func typical(_ value: Double, scale: Double) -> String {
        short(scale > 10 ? value.rounded() : value)
    }
}
