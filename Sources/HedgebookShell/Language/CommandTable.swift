import HedgebookModel

/// The language's single source of truth: every command's name, arguments, help and meaning.
///
/// The parser, `help`, completion and the Markdown reference are all driven by this table;
/// no other list of names exists.
public enum CommandTable {
    static let commands: [CommandSpec] = market + account + reports + positions + marketHistory + [backtest] + session + whatIf + notebook

    /// Every name a command can be typed as (aliases included), in table order.
    static let allNames: [String] = commands.flatMap { [$0.name] + $0.aliases }

    /// Every command's primary name, in table order.
    public static var commandNames: [String] { commands.map(\.name) }

    /// Every setting's name, in table order.
    public static var settingNames: [String] { settings.map(\.name) }

    private static let byName: [String: CommandSpec] = {
        var table: [String: CommandSpec] = [:]
        for spec in commands {
            for name in [spec.name] + spec.aliases { table[name] = spec }
        }
        return table
    }()

    private static let settingsByName: [String: SettingSpec] =
        Dictionary(settings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The command typed as `name` (exact spelling; aliases included).
    static func command(named name: String) -> CommandSpec? { byName[name] }

    /// The setting called `name`.
    static func setting(named name: String) -> SettingSpec? { settingsByName[name] }

    // MARK: - Parameter helpers

    static func number(
        _ name: String, _ what: String, _ unit: NumberSpec.Unit = .plain,
        _ sign: NumberSpec.Sign = .positive, integer: Bool = false,
        presence: Parameter.Presence = .required, or word: String? = nil
    ) -> Parameter {
        Parameter(name: name, kind: .number(NumberSpec(what: what, unit: unit, sign: sign, integer: integer)),
                  presence: presence, orWord: word)
    }

    static func days(_ what: String) -> Parameter { number("DTE", what, integer: true) }

    static func money(_ what: String, _ sign: NumberSpec.Sign = .positive) -> Parameter {
        number("amount", what, .money, sign)
    }

    static func choice<E: RawRepresentable>(_ name: String, _ what: String, _ cases: [E]) -> Parameter
    where E.RawValue == String {
        Parameter(name: name, kind: .choice(what: what, choices: cases.map(\.rawValue)))
    }

    static func path() -> Parameter { Parameter(name: "file", kind: .path) }

    /// The case of `E` whose raw value the parser has already checked against the table.
    static func checked<E: RawRepresentable>(_ word: String) -> E where E.RawValue == String {
        guard let value = E(rawValue: word) else { preconditionFailure("\(word) is not a \(E.self)") }
        return value
    }

    // MARK: - The commands

    static let market: [CommandSpec] = [
        CommandSpec(name: "date", group: .market, summary: "Set the session's date: the day the market numbers are for.",
                    parameters: [Parameter(name: "date", kind: .date)],
                    examples: ["date 2026-11-20"], build: { .date($0.date(0)) }),
        CommandSpec(name: "spx", group: .market, summary: "Set the SPX index level.",
                    parameters: [number("level", "SPX level")],
                    examples: ["spx 6000"], build: { .spx($0.number(0)) }),
        CommandSpec(name: "vix", group: .market, summary: "Set the VIX index level (SPX at-the-money volatility is VIX / 100).",
                    parameters: [number("level", "VIX level")],
                    examples: ["vix 16"], build: { .vix($0.number(0)) }),
        CommandSpec(name: "rate", group: .market, summary: "Set the risk-free rate, continuously compounded.",
                    parameters: [number("rate", "risk-free rate", .percent, .any)],
                    examples: ["rate 4%"], build: { .rate($0.number(0)) }),
        CommandSpec(name: "dividend", group: .market, summary: "Set SPX's dividend yield.",
                    parameters: [number("yield", "dividend yield", .percent, .nonNegative)],
                    examples: ["dividend 1.3%"], build: { .dividend($0.number(0)) }),
        CommandSpec(name: "vvix", group: .market, summary: "Set VVIX, which sets the volatility of VIX options.",
                    parameters: [number("level", "VVIX level")],
                    examples: ["vvix 90"], build: { .vvix($0.number(0)) }),
        CommandSpec(name: "future", group: .market,
                    summary: "Quote the VIX future for an expiry DTE days away, or clear the quote to use the model again.",
                    parameters: [days("future's DTE"), number("level", "VIX future level", or: "clear")],
                    examples: ["future 30 19.5", "future 30 clear"],
                    build: { .future(dte: $0.integer(0), level: $0.optionalNumber(1)) }),
        CommandSpec(name: "event", group: .market,
                    summary: "Flag a market event (CPI, PPI or FOMC) on the session's date: it triggers the L1 hedge.",
                    parameters: [choice("event", "event", MarketEvent.allCases)],
                    examples: ["event fomc"], build: { .event(checked($0.word(0))) }),
        CommandSpec(name: "set", group: .settings,
                    summary: "Change a setting of the condor, the sizing or the hedge.",
                    parameters: [Parameter(name: "name", kind: .setting)],
                    examples: ["set delta 16", "set base 1%", "set stops none"],
                    build: { _ in preconditionFailure("set is built from its setting's table entry") }),
    ]

    static let account: [CommandSpec] = [
        CommandSpec(name: "account", group: .account,
                    summary: "Set the account's equity and start a new cycle at step 1.",
                    parameters: [money("account equity")],
                    examples: ["account 100000", "account $250k"], build: { .account($0.number(0)) }),
        CommandSpec(name: "deposit", group: .account,
                    summary: "Add money to the account; the cycle and its step are unchanged.",
                    parameters: [money("deposit")],
                    examples: ["deposit 5000"], build: { .deposit($0.number(0)) }),
        CommandSpec(name: "withdraw", group: .account,
                    summary: "Take money out of the account; the cycle and its step are unchanged.",
                    parameters: [money("withdrawal")],
                    examples: ["withdraw 5000"], build: { .withdraw($0.number(0)) }),
        CommandSpec(name: "win", group: .account,
                    summary: "Record a winning trade at the current step: its realised profit in dollars.",
                    parameters: [money("win", .nonNegative)],
                    examples: ["win 320"], build: { .win($0.number(0)) }),
        CommandSpec(name: "loss", group: .account,
                    summary: "Record a losing trade at the current step: its realised loss in dollars, written positive.",
                    parameters: [money("loss")],
                    examples: ["loss 900"], build: { .loss($0.number(0)) }),
    ]

    static let reports: [CommandSpec] = [
        CommandSpec(name: "condor", group: .reports,
                    summary: "Show today's iron condor: strikes, credit, max loss, break-evens, odds, greeks and size.",
                    examples: ["condor"], build: { _ in .condor }),
        CommandSpec(name: "progression", group: .reports,
                    summary: "Show the martingale's risk budget and contracts at every step of the cycle.",
                    examples: ["progression"], build: { _ in .progression }),
        CommandSpec(name: "layers", group: .reports,
                    summary: "Show the three VIX hedge layers (4/4/2): triggers, strikes, sizes and cost.",
                    examples: ["layers"], build: { _ in .layers }),
        CommandSpec(name: "journal", group: .reports,
                    summary: "Show the record's figures (equity and marked equity, win rate, drawdowns, IRR, fees, each layer's ledger); `journal entries` lists every dated entry with the equity after it; `journal export FILE.csv` writes them (an existing file is never overwritten; `export!` replaces it).",
                    parameters: [
                        Parameter(name: "view", kind: .choice(what: "journal view", choices: ["entries", "export", "export!"]),
                                  presence: .optional),
                        Parameter(name: "file", kind: .path, presence: .optional),
                    ],
                    examples: ["journal", "journal entries", "journal export ledger.csv"],
                    build: { a in
                        switch a.optionalWord(0) {
                        case "entries": return .journalEntries
                        case let w? where w.hasPrefix("export"): return .journalExport(path: a.optionalPath(1) ?? "", overwrite: w == "export!")
                        default: return .journal
                        }
                    }),
        CommandSpec(name: "why", group: .reports,
                    summary: "Explain the last numbers printed: which rule, which inputs.",
                    examples: ["why"], build: { _ in .why }),
        CommandSpec(name: "risk", group: .reports,
                    summary: "Show the honest arithmetic of the progression: the odds of losing a whole cycle and what it costs, at a win rate you give, or as the engine observes the condor on simulated markets.",
                    parameters: [Parameter(name: "rate", kind: .labeled("winrate", NumberSpec(what: "win rate", unit: .percent, sign: .positive)),
                                           presence: .optional)],
                    examples: ["risk", "risk winrate 70%"], build: { .risk(winRate: $0.optionalNumber(0)) }),
        CommandSpec(name: "settings", group: .reports,
                    summary: "Show every setting and its value.",
                    examples: ["settings"], build: { _ in .settings }),
        CommandSpec(name: "price", group: .reports,
                    summary: "Price one option with the model and show its greeks.",
                    parameters: [
                        choice("instrument", "instrument", Underlying.allCases),
                        choice("kind", "option kind", OptionKind.allCases),
                        number("strike", "strike"),
                        days("DTE"),
                    ],
                    examples: ["price spx put 5800 45", "price vix call 21 30"],
                    build: { .price(checked($0.word(0)), checked($0.word(1)), strike: $0.number(2), dte: $0.integer(3)) }),
    ]

    static let session: [CommandSpec] = [
        CommandSpec(name: "undo", group: .session, summary: "Undo the last command that changed the session.",
                    examples: ["undo"], build: { _ in .undo }),
        CommandSpec(name: "redo", group: .session, summary: "Redo what undo undid.",
                    examples: ["redo"], build: { _ in .redo }),
        CommandSpec(name: "history", group: .session, summary: "List the session's commands, numbered.",
                    examples: ["history"], build: { _ in .history }),
        CommandSpec(name: "save", group: .session,
                    summary: "Save the session's commands to a file; an existing file is never overwritten.",
                    parameters: [path()], examples: ["save session.hb", "save \"my file.hb\""],
                    build: { .save(path: $0.path(0), overwrite: false) }),
        CommandSpec(name: "save!", group: .session, summary: "Save the session's commands to a file, overwriting it.",
                    parameters: [path()], examples: ["save! session.hb"],
                    build: { .save(path: $0.path(0), overwrite: true) }),
        CommandSpec(name: "load", group: .session,
                    summary: "Run a saved session's commands after this session's cells (it appends; `load!` replaces).",
                    parameters: [path()], examples: ["load session.hb", "load ../x/y.hb"],
                    build: { .load(path: $0.path(0)) }),
        CommandSpec(name: "load!", group: .session,
                    summary: "Replace this session (its cells and undo history) with a saved session's; all or nothing.",
                    parameters: [path()], examples: ["load! session.hb"],
                    build: { .loadReplacing(path: $0.path(0)) }),
        CommandSpec(name: "help", group: .session, summary: "List the commands, or explain one.",
                    parameters: [Parameter(name: "command", kind: .topic, presence: .optional)],
                    examples: ["help", "help price"], build: { .help(topic: $0.optionalWord(0)) }),
        CommandSpec(name: "quit", aliases: ["exit"], group: .session, summary: "Leave hedgebook.",
                    examples: ["quit"], build: { _ in .quit }),
        CommandSpec(name: "recover", group: .session,
                    summary: "Restore the session an earlier hedgebook did not close (killed, crashed, terminal closed), from its journal; type it first thing in a new session.",
                    examples: ["recover"], build: { _ in .recover }),
    ]
}
