import Foundation
import Glibc

/// `BETWEEN_PEAK_MEMORY_FILE=PATH`: when the program exits, it writes its peak resident
/// memory in KiB (`VmHWM` from /proc/self/status) to PATH.
///
/// For the test suite's memory tests, and for measuring by hand. `wait4`'s figure can't
/// serve: on Linux a spawned program's `ru_maxrss` starts from the peak of the process
/// that spawned it (the spawn shares that process's memory until the exec), so a test
/// process that happens to be large makes every child look large. `VmHWM` belongs to
/// the program's own memory, made new at the exec, so it counts only what Between used.
enum PeakMemory {
    static let variable = "BETWEEN_PEAK_MEMORY_FILE"

    /// Arranges the report, when the variable asks for one.
    static func reportAtExitIfRequested() {
        guard getenv(variable) != nil else { return }
        atexit {
            guard let path = getenv(PeakMemory.variable).map({ String(cString: $0) }),
                  let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                  let kibibytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return }
            try? "\(kibibytes)\n".write(toFile: path, atomically: false, encoding: .utf8)
        }
    }
}
