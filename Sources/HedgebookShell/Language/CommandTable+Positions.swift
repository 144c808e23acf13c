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

    static func noBuild(_ name: String) -> @Sendable (Arguments) -> Command {
        { _ in preconditionFailure("\(name) is read by its own grammar") }
    }

    /// Positions on a timeline, and what-ifs over them (docs/whatif.md).
    static let positions: [CommandSpec] = [
        CommandSpec(name: "open", group: .positions,
                    summary: "Open the condor the model sizes at the current step (or buy a hedge layer, like hedge).",
                    parameters: [Parameter(name: "position", kind: .choice(what: "position", choices: positionNames))],
                    examples: ["open condor"], build: { .open(PositionKind(name: $0.word(0)) ?? .condor) }),
        CommandSpec(name: "hedge", group: .positions,
                    summary: "Buy a VIX hedge layer (L1, L2 or L3) as the 4/4/2 plan sizes it, at the model's price.",
                    parameters: [Parameter(name: "layer", kind: .choice(what: "hedge layer", choices: Array(positionNames.dropFirst())))],
                    examples: ["hedge L1"], build: { .open(PositionKind(name: $0.word(0)) ?? .hedge(.l1)) }),
        CommandSpec(name: "close", group: .positions,
                    summary: "Close the condor (the default; its P&L goes to the progression as a win or a loss) or sell a hedge layer, at model prices.",
                    parameters: [Parameter(name: "position", kind: .choice(what: "position", choices: positionNames), presence: .optional)],
                    examples: ["close", "close L1"],
                    build: { .close($0.optionalWord(0).flatMap(PositionKind.init(name:)) ?? .condor) }),
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
                    summary: "Net P&L of the open positions over SPX moves (rows) and VIX levels (columns), now or some days on. Changes nothing.",
                    parameters: [labeled("spx", "FROM%..TO% step X%", "SPX moves", .percent, .any),
                                 labeled("vix", "FROM..TO step X", "VIX levels", .plain),
                                 time("in", "days ahead", presence: .optional)],
                    examples: ["grid spx -10%..10% step 2% vix 15..45 step 5", "grid spx -5%..5% step 1% vix 30 in 1w"],
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
