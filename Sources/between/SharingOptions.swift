import ArgumentParser
import BetweenCore

/// `-o FILE` and `--include-private`, shared by the commands whose output is meant to be
/// shared (`digest`, `export`): who it is for decides which entries reach it (`Audience`).
struct SharingOptions: ParsableArguments {
    @OptionGroup var outputOptions: OutputOptions

    @Flag(name: .long, help: "Include private entries.")
    var includePrivate = false

    /// Who the output is for: anyone, unless private entries are asked for.
    var audience: Audience { Audience(includingPrivate: includePrivate) }
}
