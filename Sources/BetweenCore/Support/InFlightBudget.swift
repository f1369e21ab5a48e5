import Foundation

/// A limit on how much work is in flight at once across threads.
///
/// Notes are read and parsed on every core, and one note's peak memory grows with its
/// size (and libcmark's with its markup). Bounding each note is not enough: a machine
/// with many cores would multiply that bound. Work whose memory grows with its size
/// takes that size from a budget first, and waits while the budget is spent; ordinary
/// notes (a few KB) take so little that they never wait.
///
/// A request larger than the whole budget takes all of it, so it runs alone. Permits
/// of the two budgets are always taken in the same order (`files`, then `markdown`)
/// and a holder never asks its own budget again, so threads cannot deadlock.
package final class InFlightBudget: @unchecked Sendable {
    /// How much may be in use at once.
    package let limit: Int
    private var inUse = 0
    private let condition = NSCondition()

    package init(limit: Int) {
        self.limit = limit
    }

    /// Runs `work` once `amount` (at most the whole budget) is free, and frees it after.
    package func withPermit<T>(for amount: Int, _ work: () throws -> T) rethrows -> T {
        let taken = min(max(amount, 0), limit)
        condition.lock()
        while inUse + taken > limit { condition.wait() }
        inUse += taken
        condition.unlock()
        defer {
            condition.lock()
            inUse -= taken
            condition.broadcast()
            condition.unlock()
        }
        return try work()
    }

    /// Bytes of files being read, decoded, parsed and encoded at once (their size on disk):
    /// at most one note of the largest size Between reads is in memory at a time.
    package static let files = InFlightBudget(limit: VaultReader.sizeLimit)

    /// Lines and markup of the bodies inside libcmark at once (`BodyLimit.markup(in:)`).
    package static let markdown = InFlightBudget(limit: BodyLimit.markupLimit)
}
