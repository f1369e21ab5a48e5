/// Checks a safety plan: one with none of its parts written in gets a gentle warning.
enum SafetyPlanCheck {
    static func check(_ body: Body, path: String) -> [Diagnostic] {
        let filled = body.sections.contains { section in
            SafetyPlan.Part.named(section.heading) != nil && !section.text.trimmingASCIIWhitespace().isEmpty
        }
        guard !filled else { return [] }
        return [.warning("this safety plan has none of its parts filled in yet (Warning signs, Things I can do on my own, People I can ask for help, …); it may help to write it with your therapist",
                         in: path, at: .fileStart)]
    }
}
