/// An error meant for the person at the terminal: what is wrong and how to fix it, in
/// plain words.
///
/// Commands throw these and never print or convert them: `Between.main` is the one place
/// that prints one (`between: error: <message>`, exit 2). A new error a person can meet
/// conforms to this protocol; an error that becomes a diagnostic instead (a line of a
/// note that can't be read) needs not.
public protocol UserFacingError: Error {
    /// What is wrong, without the `between: error:` prefix.
    var message: String { get }
    /// The whole text to print instead of `message`, when the error lays itself out (a
    /// query with a caret under the column); nil for most. `color`: stderr takes colour.
    func layout(color: Bool) -> String?
}

extension UserFacingError {
    public func layout(color: Bool) -> String? { nil }
}

extension UserFacingError where Self: CustomStringConvertible {
    public var message: String { description }
}
