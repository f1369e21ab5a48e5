import BetweenCore

/// Prints a `CopeCard` as plain text (a terminal in a hard moment), Markdown or JSON.
///
/// Words are short and kind; nothing here scores or judges. Everything the person
/// wrote is shown as written in text (its control characters as `TerminalText.line`
/// shows them), escaped in Markdown, and quoted in JSON.
public enum CopeRenderer {
    public enum Format: String, Sendable, CaseIterable { case text, md, json }

    public static func render(_ card: CopeCard, format: Format) -> String {
        switch format {
        case .json: return json(card).serialized(pretty: true) + "\n"
        case .text: return lines(card, markdown: false).joined(separator: "\n") + "\n"
        case .md: return lines(card, markdown: true).joined(separator: "\n") + "\n"
        }
    }

    private static func lines(_ card: CopeCard, markdown: Bool) -> [String] {
        func text(_ value: String) -> String { markdown ? MarkdownEscaping.escape(value) : TerminalText.line(value) }
        func heading(_ value: String) -> String { markdown ? "## \(value)" : value.uppercased() }
        func item(_ value: String) -> String { markdown ? "- \(text(value))" : "  • \(text(value))" }
        var out = [markdown ? "# When it's a lot" : "Take a breath. Here is what you planned, and what has helped you before.", ""]
        if let plan = card.plan, !plan.stepsForNow.isEmpty {
            let written = plan.date.map { " (written \($0.dayString))" } ?? ""
            out.append(heading("Your safety plan") + (markdown ? text(written) : written))
            for step in plan.stepsForNow {
                out += ["", markdown ? "### \(step.part.rawValue)" : step.part.rawValue]
                out += step.items.map(item)
            }
        } else {
            out.append(heading("Your safety plan"))
            out.append(card.plan == nil
                ? "You don't have a safety plan in your notes yet. It can help to write one with your therapist; `between new safety-plan` starts one."
                : "Your safety plan has no steps written in yet. It can help to fill it in with your therapist.")
        }
        if let line = card.crisisLine {
            out += ["", markdown ? "**Crisis line: \(text(line))**" : "Crisis line: \(text(line))"]
        }
        out += ["If you are in danger now, contact your local emergency services.", "", heading("What has helped you before")]
        if card.helped.isEmpty {
            out.append(card.noRatingsYet
                ? "Your notes don't say yet what helped. Rating entries with `helpful:` (0–10) or before/after distress lets Between show it here."
                : "Nothing in your notes matches that yet.")
        }
        for practice in card.helped {
            let when = practice.lastDay.map { ", most recently on \($0.dayString)" } ?? ""
            let times = practice.times == 1 ? "once" : "\(practice.times) times"
            out.append(markdown ? "- **\(text(practice.name))** — \(times)\(when)" : "  • \(text(practice.name)) — \(times)\(when)")
            if let line = practice.line {
                out.append(markdown ? "  > \(text(line))" : "      “\(text(line))”")
            }
        }
        if card.leftOut > 0 {
            out += ["", "Things that were triggering, overwhelming or unsafe for you, or that you rated as not helping or not fitting, are not suggested here. They can be worth talking through with your therapist."]
        }
        return out
    }

    private static func json(_ card: CopeCard) -> JSONValue {
        .object([
            ("safety_plan", card.plan.map { plan in
                .object([
                    ("path", .string(plan.path)),
                    ("day", DigestJSON.day(plan.date)),
                    ("steps", .array(plan.steps.map { step in
                        .object([("part", .string(step.part.rawValue)), ("items", .array(step.items.map(JSONValue.string)))])
                    })),
                ])
            } ?? .null),
            ("crisis_line", DigestJSON.text(card.crisisLine)),
            ("no_ratings_yet", .bool(card.noRatingsYet)),
            ("left_out", .integer(card.leftOut)),
            ("helped", .array(card.helped.map { practice in
                .object([("practice", .string(practice.key)), ("name", .string(practice.name)), ("times", .integer(practice.times)),
                         ("last_day", DigestJSON.day(practice.lastDay)), ("line", DigestJSON.text(practice.line)),
                         ("path", .string(practice.path))])
            })),
        ])
    }
}
