import BetweenCore
import ArgumentParser

/// A command with a `--type NAME` option (`list`, `schema`, `trend`), each wording the
/// option's help itself. The name is checked before the command runs: one that is not a
/// type is a usage error (the usage line, exit status 2) saying what to write instead.
///
/// The check is this protocol's `validate()`; a command that needs a `validate()` of its
/// own calls `_ = try entryType` in it.
protocol TypeOptionCommand: ParsableCommand {
    /// The `--type` option's value, as given.
    var type: String? { get }
}

extension TypeOptionCommand {
    func validate() throws {
        _ = try entryType
    }

    /// The record type `--type` names; nil when the option is not given. Not
    /// `ExpressibleByArgument`: ArgumentParser words a failed conversion itself, without
    /// the "Did you mean" or the questionnaire hint of `EntryType.problem(withName:)`.
    var entryType: EntryType? {
        get throws {
            guard let type else { return nil }
            if let problem = EntryType.problem(withName: type) { throw ValidationError(problem) }
            return EntryType(rawValue: type)
        }
    }
}
