// libFuzzer target: front-matter splitter, YAML/TOML/JSON parsing and field validation.
import BetweenCore

@_cdecl("LLVMFuzzerTestOneInput")
public func between_fuzz_entry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let entry = EntryParser.parse(path: "fuzz.md", text: text)
    _ = entry.diagnostics.count
    _ = EntryParser.parse(path: "fuzz.md", text: text, options: .init(privateByDefault: true)).isPrivate
    return 0
}
