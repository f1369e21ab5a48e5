import ArgumentParser
import Foundation

import Glibc

/// `between --generate-completion-script bash`: swift-argument-parser's script, with one fix.
///
/// Its script registers itself with `complete -o filenames`, which makes bash treat every
/// candidate as a file name: in a vault, `between new hom<Tab>` became the folder
/// `homework/` instead of the kind `homework` (and `between hom<Tab>` the same). Here file
/// name handling is switched on only where files or folders are completed (`-f`, `-d`).
enum BashCompletion {
    /// When the command line asks for the bash script, prints the fixed script and exits;
    /// otherwise returns, and swift-argument-parser answers as usual.
    static func printIfRequested(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        guard arguments.contains(where: { $0.hasPrefix("--generate-completion-script") }) else { return }
        do {
            _ = try Between.parseAsRoot(arguments)
        } catch {
            // The script is what swift-argument-parser would print; generating it tells which shell it is for.
            guard Between.exitCode(for: error) == .success else { return }
            let script = Between.fullMessage(for: error)
            guard CompletionShell.requesting == .bash else { return }
            Terminal.write(fixed(script) + "\n")
            exit(0)
        }
    }

    /// `script` with file name handling only for file and folder completions.
    static func fixed(_ script: String) -> String {
        script
            .replacingOccurrences(of: "\ncomplete -o filenames -F ", with: "\ncomplete -F ")
            .replacingOccurrences(of: "_add_completions() {\n", with: """
                _add_completions() {
                    # Only files and folders are file names (a '/' after a folder, quoting).
                    [[ "${1}" = -[fd] ]] && compopt -o filenames 2>/dev/null

                """)
    }
}
