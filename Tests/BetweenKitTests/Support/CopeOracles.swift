@testable import BetweenCore
@testable import BetweenKit

extension CopeCard {
    /// The card for `entries` given all at once (`between cope` hands the builder one entry at a time).
    static func build(entries: [Entry], config: VaultConfig, homework: String? = nil, tag: String? = nil,
                      template: TemplateText? = nil) -> CopeCard {
        var builder = Builder(config: config, homework: homework, tag: tag, template: template)
        entries.forEach { builder.add($0) }
        return builder.card
    }
}
