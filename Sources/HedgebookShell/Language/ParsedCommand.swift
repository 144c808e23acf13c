/// One command of a line, typed, with where it came from.
///
/// The session uses the columns to point its own errors (a deposit larger than the account, a
/// delta of 60) at the right argument, through a ``Diagnostic``.
public struct ParsedCommand: Equatable, Sendable {
    /// The typed command.
    public var command: Command
    /// The command's slice of the line, trimmed, without the `;` or a comment: `set base 1%`.
    public var source: String
    /// The columns of ``source`` in the line.
    public var span: SourceSpan
    /// The command's name (`set`, `price`).
    public var nameSpan: SourceSpan
    /// Every word after the name, in order; for `set` the setting's name is the first.
    public var argumentSpans: [SourceSpan]

    public init(command: Command, source: String, span: SourceSpan, nameSpan: SourceSpan, argumentSpans: [SourceSpan]) {
        self.command = command
        self.source = source
        self.span = span
        self.nameSpan = nameSpan
        self.argumentSpans = argumentSpans
    }

    /// The column where the command starts.
    public var column: Int { nameSpan.column }

    /// The column where each argument starts.
    public var argumentColumns: [Int] { argumentSpans.map(\.column) }
}
