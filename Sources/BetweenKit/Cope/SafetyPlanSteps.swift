import BetweenCore

extension SafetyPlan {
    /// Reads a safety-plan entry. Lines that came from its template (its closing line,
    /// the crisis line it fills in) are not steps: `cope` shows the crisis line anyway.
    public init(_ entry: Entry, template: TemplateText = .builtIn(crisisLine: nil)) {
        var byPart: [Part: [String]] = [:]
        for section in entry.body.sections {
            guard let part = Part.named(section.heading) else { continue }
            byPart[part, default: []] += TemplateText.lines(of: section.text).filter { !template.contains($0) }
        }
        self.init(path: entry.path, date: entry.date, steps: Part.allCases.compactMap { part in
            byPart[part].flatMap { $0.isEmpty ? nil : Step(part: part, items: $0) }
        })
    }
}
