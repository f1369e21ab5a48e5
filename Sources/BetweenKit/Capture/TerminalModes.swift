import Glibc

/// The settings of Between's terminal (echo, line editing, …), saved before a program that
/// changes them runs on it (an editor) and put back after, so an editor that crashed or was
/// killed in raw mode doesn't leave the person typing blind at the next question or prompt.
struct TerminalModes {
    private let descriptor: Int32
    private let saved: termios

    /// The settings of `descriptor`'s terminal now; nil when it is not a terminal.
    init?(of descriptor: Int32 = STDIN_FILENO) {
        var modes = termios()
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &modes) == 0 else { return nil }
        self.descriptor = descriptor
        saved = modes
    }

    /// Puts the saved settings back, once what was written has gone out. Only from the
    /// terminal's foreground: from the background, changing them would stop Between (SIGTTOU).
    func restore() {
        guard tcgetpgrp(descriptor) == getpgrp() else { return }
        var modes = saved
        while tcsetattr(descriptor, TCSADRAIN, &modes) == -1 && errno == EINTR {}
    }
}
