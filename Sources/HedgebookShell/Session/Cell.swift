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
    /// The explanation trees of its numbers, for `why`, built when asked for.
    public var explainer: Explainer
    /// What `save`, `export` and the crash journal write instead of ``input``: the plain cells
    /// (`date; spx; vix; event`) of a cell that read history, so they run without the store.
    public var script: String?

    /// The explanation trees of its numbers, for `why`.
    public var explanations: [Explanation] {
        get { explainer.trees }
        set { explainer = Explainer(newValue) }
    }

    /// The line that replays this cell: ``script`` when it read history, else ``input``.
    public var savedInput: String { script ?? input }

    public init(
        input: String, command: Command, changesState: Bool, output: String, result: JSONValue,
        explanations: [Explanation]
    ) {
        self.init(input: input, command: command, changesState: changesState, output: output, result: result,
                  explainer: Explainer(explanations))
    }

    public init(
        input: String, command: Command, changesState: Bool, output: String, result: JSONValue,
        explainer: Explainer
    ) {
        self.input = input
        self.command = command
        self.changesState = changesState
        self.output = output
        self.result = result
        self.explainer = explainer
    }
}

/// Explanation trees that may be built only when first asked for, so a report's `why` costs
/// nothing until someone types `why` (a condor's trees take longer to build than the condor).
public struct Explainer: Sendable {
    /// Whether there is nothing to explain (known without building the trees).
    public let isEmpty: Bool
    private let build: @Sendable () -> [Explanation]

    /// Trees already built.
    public init(_ trees: [Explanation]) {
        isEmpty = trees.isEmpty
        build = { trees }
    }

    /// Trees built by `build` whenever they are asked for: it must be pure and return at least one.
    public init(lazy build: @escaping @Sendable () -> [Explanation]) {
        isEmpty = false
        self.build = build
    }

    /// The trees.
    public var trees: [Explanation] { build() }
}

/// What evaluating one command produced.
public struct Report: Sendable {
    /// Text for people.
    public var text: String
    /// The JSON result's key–value pairs.
    public var result: [(String, JSONValue)]
    /// Explanations of the numbers, for `why`, built when asked for.
    public var explainer: Explainer
    /// The plain cells that replay this report's command without the store (see ``Cell/script``).
    public var script: String?

    /// Explanations of the numbers, for `why`.
    public var explanations: [Explanation] {
        get { explainer.trees }
        set { explainer = Explainer(newValue) }
    }

    public init(text: String, result: [(String, JSONValue)] = [], explanations: [Explanation] = []) {
        self.init(text: text, result: result, explainer: Explainer(explanations))
    }

    public init(text: String, result: [(String, JSONValue)] = [], explainer: Explainer) {
        self.text = text
        self.result = result
        self.explainer = explainer
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
