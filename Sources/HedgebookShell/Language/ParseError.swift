/// Why a line could not be parsed, and where: data, rendered elsewhere (``DiagnosticRenderer``).
///
/// The span is in columns of the line; the caller knows the line number and the file.
public struct ParseError: Error, Equatable, Sendable {
    /// What was wrong, with the words involved.
    public var reason: Reason
    /// The offending token (or a point at the end of the command when something is missing).
    public var span: SourceSpan

    public init(_ reason: Reason, at span: SourceSpan) {
        self.reason = reason
        self.span = span
    }

    /// What was wrong and what would be valid: "expected a percentage for base risk".
    public var message: String { reason.message }

    /// A suggestion, such as "did you mean 1%?", when there is one.
    public var hint: String? { reason.hint }

    /// The error as a diagnostic, ready for ``DiagnosticRenderer``.
    public var diagnostic: Diagnostic { Diagnostic(span: span, message: message, hint: hint) }

    public enum Reason: Equatable, Sendable {
        // Lexical
        case controlCharacter(Unicode.Scalar)
        case unterminatedString
        case quoteInsideWord
        case missingSpaceAfterQuote
        /// A quoted string where a name or a number belongs.
        case quotedNotAllowed(expected: String)

        // Names
        /// A word that is not one of `choices`; `suggestion` is the closest by edit distance.
        case unknownWord(WordCategory, given: String, choices: [String], suggestion: String?)

        // Arity
        /// `usage` is the parameter list ("instrument kind strike DTE"); `missing` the first absent one.
        case missingArgument(command: String, usage: String, missing: String, example: String?)
        /// `given` is the first argument too many.
        case extraArgument(command: String, usage: String, given: String, hint: String?)

        // Values
        case invalidNumber(what: String, given: String, problem: NumberProblem)
        /// A bare number where a percentage belongs (`set base 1`).
        case expectedPercent(what: String, given: String)
        case invalidDate(given: String, problem: DateProblem)
        case emptyPath
        /// A range that is not `FROM..TO`, or whose ends are out of order; `valid` says what would be.
        case invalidRange(given: String, valid: String)
        /// An order that cannot be: strikes in the wrong order, unequal wings, a credit ≥ the width.
        case impossibleOrder(String, hint: String?)
    }

    /// What kind of word was not recognised.
    public enum WordCategory: Equatable, Sendable {
        case command
        case setting
        case helpTopic
        /// An enumerated value, named for messages: "reset rule", "instrument".
        case value(String)
    }
}

/// Why a word is not the number it should be.
public enum NumberProblem: Equatable, Sendable {
    case notANumber
    case tooLong
    case exponent
    case underscore
    case badGrouping
    case unexpectedCharacter(Character)
    case missingDigits
    case tooLarge
    /// Past ``NumberSpec/moneyLimit`` (dollars) or ``NumberSpec/plainLimit`` (anything else).
    case beyondLimit(String)
    case notWhole
    case mustBePositive
    case mustNotBeNegative
    case percentNotExpected
    case dollarNotExpected
    case suffixNotExpected
}

/// Why a word is not a date.
public enum DateProblem: Equatable, Sendable {
    /// Not of the form `YYYY-MM-DD`.
    case malformed
    case noSuchYear(Int)
    case noSuchMonth(Int)
    /// The month has only `daysInMonth` days.
    case noSuchDay(year: Int, month: Int, day: Int, daysInMonth: Int)
}
