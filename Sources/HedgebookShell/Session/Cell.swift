import HedgebookModel

/// One accepted command: its text, its typed form, and what it printed.
public struct Cell: Sendable {
    /// The command's source text, as it will be saved.
    public var input: String
    /// The parsed command.
    public var command: Command
    /// Whether the command changed the state (queries such as `condor` do not).
    public var changesState: Bool
    /// What it printed for people.
    public var output: String
    /// Its JSON result object.
    public var result: JSONValue
    /// The explanation trees of its numbers, for `why`.
    public var explanations: [Explanation]
}

/// What evaluating one command produced.
public struct Report: Sendable {
    /// Text for people.
    public var text: String
    /// The JSON result's key–value pairs.
    public var result: [(String, JSONValue)]
    /// Explanations of the numbers, for `why`.
    public var explanations: [Explanation]

    public init(text: String, result: [(String, JSONValue)] = [], explanations: [Explanation] = []) {
        self.text = text
        self.result = result
        self.explanations = explanations
    }
}

/// Why a command failed: a message, which argument, and an optional hint.
///
/// The evaluator knows arguments, not columns: the shell turns ``argument`` into a
/// line:column from the parsed command, so errors point at the offending token.
public struct CommandFailure: Error, Sendable, Equatable {
    public var message: String
    /// 0-based index of the offending argument, or `nil` for the command word itself.
    public var argument: Int?
    public var hint: String?

    public init(_ message: String, argument: Int? = 0, hint: String? = nil) {
        self.message = message
        self.argument = argument
        self.hint = hint
    }

    /// A failure of the command as a whole (pointing at its first word).
    public static func command(_ message: String, hint: String? = nil) -> CommandFailure {
        CommandFailure(message, argument: nil, hint: hint)
    }
}
