// libFuzzer target: the query language parser and its compiler (relative dates resolved).
// The SQL it becomes is the index's, internal to BetweenIndex: QueryTests check it.
import BetweenCore
import BetweenIndex

private let contexts = [
    QueryContext(today: EntryDate(year: 2026, month: 11, day: 25)),
    QueryContext(today: EntryDate(year: 2026, month: 11, day: 25), lastSession: EntryDate(year: 2026, month: 11, day: 3)),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func between_fuzz_query(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let expression = try? QueryParser.parse(text) else { return 0 }
    for context in contexts {
        _ = try? QueryCompiler(context: context).compile(expression)
    }
    return 0
}
