import HedgebookModel

extension CommandTable {
    static let positionNames = ["condor", "L1", "L2", "L3"]

    static func labeled(_ keyword: String, _ name: String, _ what: String, _ unit: NumberSpec.Unit,
                        _ sign: NumberSpec.Sign = .positive, presence: Parameter.Presence = .required) -> Parameter {
        Parameter(name: name, kind: .labeled(keyword, NumberSpec(what: what, unit: unit, sign: sign)), presence: presence)
    }

    static func time(_ keyword: String?, _ what: String, presence: Parameter.Presence = .required) -> Parameter {
        let spec = NumberSpec(what: what + " (5, 5d or 2w)", unit: .plain, sign: keyword == nil ? .positive : .any, integer: true)
        return Parameter(name: "time", kind: keyword.map { .labeled($0, spec) } ?? .number(spec), presence: presence)
    }

    /// How `open` and `hedge` describe their parts for help and completion.
    static func orderParameters(_ names: [String], _ price: String) -> [Parameter] {
        [Parameter(name: "position", kind: .choice(what: "position", choices: names)),
         Parameter(name: "strikes", kind: .written("the strikes as listed: LOW/HIGHp LOW/HIGHc for a condor (5615/5665p 6425/6475c), LONG/SHORT for L1 and L2 (22/32), LONG for L3"),
                   presence: .optional),
         Parameter(name: "xN", kind: .written("contracts: x7"), presence: .optional),
         labeled("at", "price", price, .plain, .nonNegative, presence: .optional),
         Parameter(name: "!", kind: .written("force the order past the cap (recorded on the position)"), presence: .optional)]
    }

    static func noBuild(_ name: String) -> @Sendable (Arguments) -> Command {
        { _ in preconditionFailure("\(name) is read by its own grammar") }
    }

    /// Positions on a timeline, and what-ifs over them (docs/whatif.md).
    static let positions: [CommandSpec] = [
        CommandSpec(name: "open", group: .positions,
                    summary: "Open the condor (or buy a hedge layer, like hedge): typed strikes, contracts and credit per unit as filled, the model's for what is left out; ! past the cap.",
                    parameters: orderParameters(positionNames, "credit per condor (per unit)"),
                    examples: ["open condor", "open condor 5615/5665p 6425/6475c x7 at 14.20", "open condor x3"],
                    build: noBuild("open"), grammar: openGrammar),
        CommandSpec(name: "hedge", group: .positions,
                    summary: "Buy a VIX hedge layer (L1, L2 or L3): the 4/4/2 plan's strikes, size and price, or typed ones; ! past the cap.",
                    parameters: orderParameters(Array(positionNames.dropFirst()), "price per spread (per unit)"),
                    examples: ["hedge L1", "hedge L1 x8 at 0.98", "hedge L1 22/32 x8 at 0.98"],
                    build: noBuild("hedge"), grammar: hedgeGrammar),
        CommandSpec(name: "close", group: .positions,
                    summary: "Close the condor (the default; its P&L goes to the progression as a win or a loss) or sell a hedge layer, at a typed price per unit or the model's.",
                    parameters: [Parameter(name: "position", kind: .choice(what: "position", choices: positionNames), presence: .optional),
                                 labeled("at", "price", "price per unit", .plain, .nonNegative, presence: .optional)],
                    examples: ["close", "close at 3.10", "close L1 at 2.45"],
                    build: noBuild("close"), grammar: closeGrammar),
        CommandSpec(name: "quote", group: .positions,
                    summary: "A market price per unit for a held position (a condor's debit to close, a layer's value) or a listed option: marks at it instead of the model until spx, vix, date or advance.",
                    parameters: [Parameter(name: "target", kind: .choice(what: "position or instrument",
                                                                         choices: positionNames + Underlying.allCases.map(\.rawValue))),
                                 number("price", "quoted price per unit", .plain, .nonNegative)],
                    examples: ["quote condor 3.10", "quote L1 2.45", "quote spx put 5800 30 at 25.10"],
                    build: noBuild("quote"), grammar: quoteGrammar),
        CommandSpec(name: "iv", group: .positions,
                    summary: "Implied volatility of an option price beside the model's σ(K), or of the quoted legs of a position. Changes nothing.",
                    parameters: [Parameter(name: "target", kind: .choice(what: "position or instrument",
                                                                         choices: positionNames + Underlying.allCases.map(\.rawValue))),
                                 labeled("at", "price", "option price", .plain, presence: .optional)],
                    examples: ["iv spx put 5800 30 at 25.10", "iv condor"],
                    build: noBuild("iv"), grammar: ivGrammar),
        CommandSpec(name: "advance", group: .positions,
                    summary: "Move the session date forward; open positions are marked there and settle at intrinsic value on expiry. In a replay, lands on the last trading day on or before that date (`advance 1d` is the next trading day).",
                    parameters: [time(nil, "days to advance")],
                    examples: ["advance 7d", "advance 2w"], build: noBuild("advance"),
                    grammar: { input throws(ParseError) in
                        var r = WhatIfReader(input)
                        let days = try r.duration("days to advance", minimum: 1)
                        if !r.atEnd { throw r.extra(input.tokens[r.index]) }
                        return .advance(days: days)
                    }),
        CommandSpec(name: "positions", group: .positions,
                    summary: "List open positions and their legs: contracts, entry, mark, P&L and greeks, with the net.",
                    examples: ["positions"], build: { _ in .positions }),
        CommandSpec(name: "shock", group: .positions,
                    summary: "What if SPX moves and VIX goes to a level, now or some days on: P&L per position and net. Changes nothing; without vix, VIX follows the spot–vol rule.",
                    parameters: [labeled("spx", "move", "SPX move", .percent, .any, presence: .optional),
                                 labeled("vix", "level", "VIX level", .plain, presence: .optional),
                                 time("in", "days ahead", presence: .optional)],
                    examples: ["shock spx -8% vix 35 in 5d", "shock spx -8%", "shock vix 30"],
                    build: noBuild("shock"), grammar: shockGrammar),
        CommandSpec(name: "grid", group: .positions,
                    summary: "Net P&L of the open positions (from their marks, quotes where quoted) over SPX moves (rows) and VIX levels (columns), now or some days on (in 5d, at +7d or at a date). Changes nothing.",
                    parameters: [labeled("spx", "FROM%..TO% step X%", "SPX moves", .percent, .any),
                                 labeled("vix", "FROM..TO step X", "VIX levels", .plain),
                                 time("in", "days ahead", presence: .optional),
                                 labeled("at", "DATE|+Nd", "date of the grid", .plain, presence: .optional)],
                    examples: ["grid spx -10%..10% step 2% vix 15..45 step 5", "grid spx -5%..5% step 1% vix 30 in 1w",
                               "grid spx -5%..5% step 1% vix 20..30 step 5 at +7d"],
                    build: noBuild("grid"), grammar: gridGrammar),
        CommandSpec(name: "sweep", group: .positions,
                    summary: "Re-run one command across a setting's values (or account sizes) and show its key figures as one table. Changes nothing.",
                    parameters: [Parameter(name: "setting", kind: .choice(what: "setting to sweep", choices: sweepableNames)),
                                 number("FROM..TO", "values, written as the setting is (50k..200k, 1%..2%, 10..20)"),
                                 labeled("step", "X", "step between values", .plain),
                                 Parameter(name: "command", kind: .topic)],
                    examples: ["sweep account 50k..200k step 25k layers", "sweep delta 10..20 step 2 condor",
                               "sweep multipliers 1.5..2.5 step 0.5 risk"],
                    build: noBuild("sweep"), grammar: sweepGrammar),
    ]

    /// The settings `sweep` can vary: `account`, and every `set` setting that takes one number or a list.
    static let sweepableNames: [String] = ["account"] + settings.compactMap { s in
        guard s.parameters.count == 1, case .number = s.parameters[0].kind else { return nil }
        return s.name
    }

    /// How a sweep reads values of `name`.
    static func sweepSpec(_ name: String) -> NumberSpec? {
        if name == "account" { return NumberSpec(what: "account equity", unit: .money, sign: .positive) }
        guard let s = setting(named: name), s.parameters.count == 1, case .number(let spec) = s.parameters[0].kind else {
            return nil
        }
        return spec
    }
}
