// libFuzzer target: Markdown body extraction over libcmark.
import BetweenCore

@_cdecl("LLVMFuzzerTestOneInput")
public func between_fuzz_body(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let body = BodyParser.parse(text, lineOffset: Int(size % 7))
    _ = body.wordCount
    return 0
}
