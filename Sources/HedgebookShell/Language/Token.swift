/// A run of columns on one line of input.
///
/// Columns are 1-based and count Unicode characters (grapheme clusters), not bytes.
/// A zero `length` marks a point, such as the end of a line where an argument is missing.
public struct SourceSpan: Equatable, Hashable, Sendable {
    /// The first column.
    public var column: Int
    /// How many columns the span covers.
    public var length: Int

    public init(column: Int, length: Int) {
        self.column = column
        self.length = length
    }

    /// The column just past the span.
    public var end: Int { column + length }
}

/// One lexical token of a line: a word, a quoted string or a `;`.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A run of characters up to white space, `;` or `#`: a name, a number, a bare path.
        case word
        /// A `"…"` or `'…'` string; ``text`` holds its contents without the quotes.
        case quoted
        /// The `;` between commands.
        case separator
    }

    var kind: Kind
    var text: String
    var span: SourceSpan
}
