// libFuzzer target: the date parser, relative days, and the command-line day and moment parsers.
import BetweenCore

@_cdecl("LLVMFuzzerTestOneInput")
public func between_fuzz_date(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let date = try? DateParser.parse(text) {
        _ = date.isoText
        _ = date.sortKey
        _ = date.dayString
        _ = date.isoWeek
        _ = date.dayNumber
    }
    _ = try? LocalClock.day(text, today: EntryDate(year: 2026, month: 11, day: 25))
    _ = try? LocalClock.day(text, today: EntryDate(year: 1, month: 1, day: 1))
    _ = try? LocalClock.moment(text, today: EntryDate(year: 2026, month: 11, day: 25))
    _ = RelativeDay.parse(text, signRequired: true)
    return 0
}
