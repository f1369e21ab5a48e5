import BetweenCore
import Foundation

/// The age tools (`age` and `age-keygen`, Debian's `age` package), run as child processes.
///
/// Notes and keys go in and out through pipes only: nothing is written to a temporary
/// file. A key is only ever read from its own key file (`-i`), never copied elsewhere.
public struct Age: Sendable {
    /// Why age could not do what was asked.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The program is not on PATH.
        case notInstalled(program: String)
        /// The key given is not one the file was encrypted to.
        case notForThisKey
        /// The file is not a whole age file (corrupt, truncated, edited by hand).
        case damaged(String)
        /// age ran and failed for another reason.
        case failed(String)

        public var description: String {
            switch self {
            case .notInstalled(let program):
                "the `\(program)` program is not installed (it comes with the age package: `apt-get install age`, or see https://age-encryption.org)"
            case .notForThisKey:
                "it was encrypted for another key, not the one this machine has for this vault"
            case .damaged(let detail):
                "it is damaged: it is not a whole encrypted file (\(detail))"
            case .failed(let detail):
                "age failed: \(detail)"
            }
        }
    }

    let age: String
    let keygen: String

    /// Finds both programs on PATH.
    public static func locate() throws(Failure) -> Age {
        guard let age = Subprocess.find("age") else { throw .notInstalled(program: "age") }
        guard let keygen = Subprocess.find("age-keygen") else { throw .notInstalled(program: "age-keygen") }
        return Age(age: age, keygen: keygen)
    }

    /// A new identity: the text of a key file (comments, then `AGE-SECRET-KEY-1…`).
    public func generateIdentity() throws(Failure) -> [UInt8] {
        let output = try run(keygen, [])
        guard output.status == 0, !output.stdout.isEmpty else { throw .failed(Self.firstLine(output.stderr)) }
        return [UInt8](output.stdout)
    }

    /// The public keys (recipients) of the identities in a key file's text, in order.
    /// Throws `.damaged` when the text holds no usable identity.
    public func recipients(ofIdentity identity: [UInt8]) throws(Failure) -> [String] {
        let output = try run(keygen, ["-y"], input: Data(identity))
        let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        guard output.status == 0, !lines.isEmpty else {
            throw .damaged(Self.firstLine(output.stderr).replacingOccurrences(of: "age-keygen: error: ", with: ""))
        }
        return lines
    }

    /// `plaintext` encrypted to every recipient, ASCII-armored.
    public func encrypt(_ plaintext: [UInt8], to recipients: [String]) throws(Failure) -> [UInt8] {
        let output = try run(age, ["--encrypt", "--armor"] + recipients.flatMap { ["--recipient", $0] }, input: Data(plaintext))
        guard output.status == 0, !output.signaled else { throw .failed(Self.firstLine(output.stderr)) }
        return [UInt8](output.stdout)
    }

    /// `ciphertext` decrypted with the identities in the key file at `identityFile`.
    public func decrypt(_ ciphertext: [UInt8], identityFile: String) throws(Failure) -> [UInt8] {
        let output = try run(age, ["--decrypt", "--identity", identityFile], input: Data(ciphertext))
        guard output.status == 0, !output.signaled else {
            let message = Self.firstLine(output.stderr)
            if message.contains("no identity matched") { throw .notForThisKey }
            guard ["header", "payload", "armor", "EOF"].contains(where: message.contains) else { throw .failed(message) }
            throw .damaged(message.replacingOccurrences(of: "age: error: ", with: ""))
        }
        return [UInt8](output.stdout)
    }

    private func run(_ program: String, _ arguments: [String], input: Data? = nil) throws(Failure) -> Subprocess.Output {
        do {
            return try Subprocess.run(program, arguments, input: input)
        } catch {
            throw .failed("can't start \(program): \(error.message)")
        }
    }

    /// The first line age printed on stderr (the second is a link for bug reports).
    private static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? "no message"
        return line.trimmingASCIIWhitespace()
    }
}
