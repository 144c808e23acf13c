/// A located message about one line, from the parser or from the session's checks.
///
/// The parser's ``ParseError`` converts to one (``ParseError/diagnostic``); the session can make
/// its own for semantic errors, using the columns kept in ``ParsedCommand``.
public struct Diagnostic: Equatable, Sendable {
    public enum Severity: String, Equatable, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    public var span: SourceSpan
    /// What was wrong and what would be valid.
    public var message: String
    /// A suggestion printed on its own line after the caret, such as "did you mean 1%?".
    public var hint: String?

    public init(severity: Severity = .error, span: SourceSpan, message: String, hint: String? = nil) {
        self.severity = severity
        self.span = span
        self.message = message
        self.hint = hint
    }
}
