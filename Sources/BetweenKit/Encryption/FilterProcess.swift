/// git's long-running filter protocol (`filter.between.process`, version 2): one
/// `between git-filter process` serves every file of a git command, instead of one
/// process per file, which would start Between (and read the vault's settings) again
/// for each note.
///
/// The handshake: git says `git-filter-client` and `version=2`, Between answers
/// `git-filter-server` and `version=2`; git offers capabilities, Between takes `clean`
/// and `smudge`. Then, per file: `command=…`, `pathname=…` (and other keys), a flush,
/// the content, a flush; Between answers `status=success`, a flush, the new content, a
/// flush, and an empty list (a flush) keeping the status. A clean that fails answers
/// `status=error`, so git stops for that file and stores nothing.
public enum FilterProcess {
    /// Serves git on `input`/`output` until git closes the stream.
    /// Throws when the stream breaks the protocol (git then reports the filter as failed).
    public static func serve(input: Int32, output: Int32, filter: GitFilter) throws(PktLine.Malformed) {
        var reader = PktLine.Reader(descriptor: input)
        let writer = PktLine.Writer(descriptor: output)
        defer { filter.finish() }

        let welcome = try list(&reader) ?? []
        guard welcome.first == "git-filter-client", welcome.contains("version=2") else {
            throw PktLine.Malformed(reason: "git did not introduce itself as a version 2 filter client")
        }
        writer.text("git-filter-server")
        writer.text("version=2")
        writer.flush()
        let offered = Set(try list(&reader) ?? [])
        for capability in ["capability=clean", "capability=smudge"] where offered.contains(capability) {
            writer.text(capability)
        }
        writer.flush()

        while true {
            guard let header = try list(&reader) else { return } // git is done
            let fields = Dictionary(header.compactMap { line -> (String, String)? in
                guard let equals = line.firstIndex(of: "=") else { return nil }
                return (String(line[..<equals]), String(line[line.index(after: equals)...]))
            }, uniquingKeysWith: { first, _ in first })
            let content = try body(&reader)
            let path = fields["pathname"] ?? ""
            switch fields["command"] {
            case "clean":
                do {
                    respond(try filter.clean(content, path: path), writer)
                } catch {
                    filter.report("between: error: \(error)")
                    writer.text("status=error")
                    writer.flush()
                }
            case "smudge":
                respond(filter.smudge(content, path: path), writer)
            default:
                writer.text("status=error")
                writer.flush()
            }
        }
    }

    private static func respond(_ content: [UInt8], _ writer: PktLine.Writer) {
        writer.text("status=success")
        writer.flush()
        writer.content(content)
        writer.flush()
        writer.flush() // the status stays "success"
    }

    /// Text packets up to a flush; nil when the stream ends before the first.
    private static func list(_ reader: inout PktLine.Reader) throws(PktLine.Malformed) -> [String]? {
        var lines: [String] = []
        while true {
            guard let packet = try reader.next() else {
                if lines.isEmpty { return nil }
                throw PktLine.Malformed(reason: "the stream ended inside a list")
            }
            if packet == .flush { return lines }
            guard let text = packet.text else { throw PktLine.Malformed(reason: "a list item is not text") }
            lines.append(text)
        }
    }

    /// Content packets up to a flush.
    private static func body(_ reader: inout PktLine.Reader) throws(PktLine.Malformed) -> [UInt8] {
        var content: [UInt8] = []
        while true {
            guard let packet = try reader.next() else { throw PktLine.Malformed(reason: "the stream ended inside a file") }
            switch packet {
            case .flush: return content
            case .data(let bytes): content += bytes
            }
        }
    }
}
