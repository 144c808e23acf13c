import HedgebookModel

/// One command of the language as the table describes it: name, arguments, help, and how to
/// build the typed ``Command`` from the parsed arguments.
struct CommandSpec: Sendable {
    /// Sections of `help` and of the Markdown reference, in order.
    enum Group: String, Sendable, CaseIterable {
        case market = "Market"
        case settings = "Settings"
        case account = "Account and results"
        case reports = "Reports"
        case positions = "Positions and what-if"
        case history = "Market history"
        case session = "Session"
        case notebook = "Notebook"
    }

    var name: String
    var aliases: [String] = []
    var group: Group
    /// One line, for a trader.
    var summary: String
    var parameters: [Parameter] = []
    var examples: [String]
    var build: @Sendable (Arguments) -> Command
    /// The command's own grammar, for commands that are more than a list of parameters
    /// (`grid spx -10%..10% step 2% …`); `parameters` then only describe it for help and completion.
    var grammar: (@Sendable (GrammarInput) throws(ParseError) -> Command)? = nil

    /// The parameter list: "instrument kind strike DTE".
    var usage: String { parameters.map(\.usage).joined(separator: " ") }
}

/// One `set NAME VALUE` setting, described like a command.
struct SettingSpec: Sendable {
    var name: String
    var summary: String
    var parameters: [Parameter]
    var examples: [String]
    var build: @Sendable (Arguments) -> Setting

    var usage: String { parameters.map(\.usage).joined(separator: " ") }
}

/// One parameter of a command or setting.
struct Parameter: Sendable {
    enum Kind: Sendable {
        case number(NumberSpec)
        /// One word of `choices`; `what` names it in messages ("reset rule").
        case choice(what: String, choices: [String])
        case date
        /// A file name: a bare word or a quoted string.
        case path
        /// A command name, for `help`.
        case topic
        /// A setting name, after which the setting's own parameters follow.
        case setting
        /// A keyword then a number: `winrate 70%`.
        case labeled(String, NumberSpec)
        /// The rest of the command: one command of the language (`edit 3 loss 800`).
        case command
        /// A form only the command's own grammar reads, described in words (`5615/5665p 6425/6475c`).
        case written(String)
    }

    enum Presence: Sendable {
        case required, optional, oneOrMore
    }

    /// Its name in usage lines: "strike", "DTE".
    var name: String
    var kind: Kind
    var presence: Presence = .required
    /// A word accepted instead of the value (`future 30 clear`); for a list, instead of the whole list.
    var orWord: String? = nil

    /// How the parameter reads in a usage line: `strike`, `[winrate rate]`, `stop…|none`.
    var usage: String {
        var text = name
        if case .labeled(let keyword, _) = kind { text = keyword + " " + name }
        if case .setting = kind { text = name + " value…" }
        if presence == .oneOrMore { text += "…" }
        if let orWord { text += "|" + orWord }
        return presence == .optional ? "[" + text + "]" : text
    }

    /// The words completion offers for this parameter.
    var completions: [String] {
        var words: [String] = []
        switch kind {
        case .choice(_, let choices): words = choices
        case .topic: words = CommandTable.allNames
        case .setting: words = CommandTable.settings.map(\.name)
        case .labeled(let keyword, _): words = [keyword]
        case .command: words = CommandTable.allNames
        case .number, .date, .path, .written: break
        }
        if let orWord { words.append(orWord) }
        return words
    }
}

/// The values of a command's parameters, in order, as the parser read them.
struct Arguments: Sendable {
    enum Value: Equatable, Sendable {
        case number(Double)
        case integer(Int)
        case word(String)
        case date(CalendarDate)
        case path(String)
        case numbers([Double])
        /// A nested command and its source text.
        case command(Command, String)
        case absent
    }

    var values: [Value]

    // Accessors for the table's build closures. The parser fills values to match the parameters,
    // so a mismatch is an error in the table itself, which the vocabulary tests catch.

    func number(_ i: Int) -> Double {
        guard case .number(let x) = values[i] else { preconditionFailure("argument \(i) is not a number") }
        return x
    }

    func integer(_ i: Int) -> Int {
        guard case .integer(let n) = values[i] else { preconditionFailure("argument \(i) is not an integer") }
        return n
    }

    func word(_ i: Int) -> String {
        guard case .word(let w) = values[i] else { preconditionFailure("argument \(i) is not a word") }
        return w
    }

    func date(_ i: Int) -> CalendarDate {
        guard case .date(let d) = values[i] else { preconditionFailure("argument \(i) is not a date") }
        return d
    }

    func path(_ i: Int) -> String {
        guard case .path(let p) = values[i] else { preconditionFailure("argument \(i) is not a path") }
        return p
    }

    func numbers(_ i: Int) -> [Double] {
        guard case .numbers(let xs) = values[i] else { preconditionFailure("argument \(i) is not a list") }
        return xs
    }

    func command(_ i: Int) -> (Command, String) {
        guard case .command(let c, let source) = values[i] else { preconditionFailure("argument \(i) is not a command") }
        return (c, source)
    }

    /// The number at `i`, or `nil` when it was left out or replaced by its `orWord`.
    func optionalNumber(_ i: Int) -> Double? {
        if case .number(let x) = values[i] { return x }
        return nil
    }

    /// The word at `i`, or `nil` when it was left out.
    func optionalWord(_ i: Int) -> String? {
        if case .word(let w) = values[i] { return w }
        return nil
    }
}
