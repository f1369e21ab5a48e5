import BetweenCore
import Glibc

/// git's pkt-line framing, which its long-running filter protocol speaks over the
/// filter's stdin and stdout: each packet is four hex digits giving its length
/// (those four included), then the data; `0000` is a flush packet ending a list.
public enum PktLine {
    /// One packet.
    enum Packet: Equatable {
        case flush
        case data([UInt8])

        /// A text packet's line, without its newline.
        var text: String? {
            guard case .data(var bytes) = self else { return nil }
            if bytes.last == 0x0A { bytes.removeLast() }
            return String(validating: bytes, as: UTF8.self)
        }
    }

    /// The stream broke the framing or the protocol, or ended in the middle of a packet.
    public struct Malformed: Error, Sendable {
        public var reason: String
    }

    /// The most data a packet may carry.
    static let maximumData = 65516

    /// Reads packets from a file descriptor, buffered.
    struct Reader {
        let descriptor: Int32
        private var buffer: [UInt8] = []
        private var position = 0

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        /// The next packet, or nil at the end of the stream (between packets).
        mutating func next() throws(Malformed) -> Packet? {
            guard let header = try take(4, atStart: true) else { return nil }
            guard let length = Int(String(decoding: header, as: UTF8.self), radix: 16), header.allSatisfy(Self.isHexDigit) else {
                throw Malformed(reason: "a packet length is not four hex digits")
            }
            if length == 0 { return .flush }
            guard length > 4, length - 4 <= PktLine.maximumData else { throw Malformed(reason: "a packet has an impossible length (\(length))") }
            guard let data = try take(length - 4, atStart: false) else { throw Malformed(reason: "the stream ended inside a packet") }
            return .data(data)
        }

        private static func isHexDigit(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
        }

        /// `count` bytes; nil at a clean end of the stream when `atStart`.
        private mutating func take(_ count: Int, atStart: Bool) throws(Malformed) -> [UInt8]? {
            while buffer.count - position < count {
                if position > 0 {
                    buffer.removeSubrange(..<position)
                    position = 0
                }
                var chunk = [UInt8](repeating: 0, count: 65536)
                let read = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
                if read < 0, errno == EINTR { continue }
                if read <= 0 {
                    if atStart && buffer.count == position { return nil }
                    throw Malformed(reason: "the stream ended inside a packet")
                }
                buffer.append(contentsOf: chunk[..<read])
            }
            defer { position += count }
            return Array(buffer[position..<(position + count)])
        }
    }

    /// Writes packets to a file descriptor; false once the other side is gone.
    struct Writer {
        let descriptor: Int32

        @discardableResult
        func text(_ line: String) -> Bool {
            data(Array((line + "\n").utf8))
        }

        /// `bytes` as one packet (at most `maximumData`).
        @discardableResult
        func data(_ bytes: [UInt8]) -> Bool {
            let header = (bytes.count + 4).zeroPadded(to: 4, radix: 16)
            return FileWriting.writeAll(Array(header.utf8) + bytes, to: descriptor)
        }

        /// `bytes` split into as many packets as needed (none when empty).
        @discardableResult
        func content(_ bytes: [UInt8]) -> Bool {
            var start = 0
            while start < bytes.count {
                let end = min(start + PktLine.maximumData, bytes.count)
                guard data(Array(bytes[start..<end])) else { return false }
                start = end
            }
            return true
        }

        @discardableResult
        func flush() -> Bool {
            FileWriting.writeAll(Array("0000".utf8), to: descriptor)
        }
    }
}
