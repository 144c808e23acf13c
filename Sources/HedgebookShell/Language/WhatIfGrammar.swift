import HedgebookModel

extension CommandTable {
    static let spxMove = NumberSpec(what: "SPX move", unit: .percent, sign: .any)
    static let spxStep = NumberSpec(what: "SPX step", unit: .percent, sign: .positive)
    static let vixLevel = NumberSpec(what: "VIX level", unit: .plain, sign: .positive)
    static let vixStep = NumberSpec(what: "VIX step", unit: .plain, sign: .positive)

    /// `shock [spx MOVE%] [vix LEVEL] [in TIME]`: clauses in any order, each at most once, at least one.
    @Sendable static func shockGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        var request = ShockRequest()
        var seen: Set<String> = []
        while !r.atEnd {
            let token = input.tokens[r.index]
            let word = try r.keyword(["spx", "vix", "in"], what: "option of shock")
            guard seen.insert(word).inserted else { throw r.extra(token, hint: "\(word) is given twice") }
            switch word {
            case "spx":
                request.spxArgument = r.index
                request.spxMove = try r.number("move", spxMove)
            case "vix":
                request.vixArgument = r.index
                request.vix = try r.number("level", vixLevel)
            default: request.days = try r.duration("days ahead", minimum: 0)
            }
        }
        guard !seen.isEmpty else { throw r.missing("spx move, vix level or in time") }
        return .shock(request)
    }

    /// `grid spx FROM%..TO% step X% vix FROM..TO step Y [in TIME]`: clauses in any order;
    /// a single value instead of a range gives one row or one column.
    @Sendable static func gridGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        var spx: ValueRange?, vix: ValueRange?
        var days = 0
        var date: CalendarDate?
        var atArgument = 0
        var seen: Set<String> = []
        while !r.atEnd {
            let token = input.tokens[r.index]
            let word = try r.keyword(["spx", "vix", "in", "at"], what: "option of grid")
            guard seen.insert(word).inserted, !(word == "at" && seen.contains("in")) && !(word == "in" && seen.contains("at")) else {
                throw r.extra(token, hint: word == "at" || word == "in" ? "give the time once: in 5d or at +7d" : "\(word) is given twice")
            }
            switch word {
            case "spx": spx = try r.range("SPX moves", spxMove, step: spxStep)
            case "vix": vix = try r.range("VIX levels", vixLevel, step: vixStep)
            case "at":
                atArgument = r.index
                let h = try horizon(&r)
                days = h.days ?? 0
                date = h.date
            default: days = try r.duration("days ahead", minimum: 0)
            }
        }
        guard let spx else { throw r.missing("spx FROM%..TO% step X%") }
        guard let vix else { throw r.missing("vix FROM..TO step X") }
        var request = GridRequest(spx: spx, vix: vix, days: days)
        request.date = date
        request.dateArgument = atArgument
        return .grid(request)
    }

    /// `sweep SETTING FROM..TO step X COMMAND…`: the values in the setting's own units, then one command.
    @Sendable static func sweepGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        let name = try r.keyword(sweepableNames, what: "setting to sweep")
        guard let spec = sweepSpec(name) else { preconditionFailure("\(name) is sweepable") }
        var stepSpec = spec
        stepSpec.what = "step of \(name)"
        stepSpec.sign = .positive
        let range = try r.range("FROM..TO", spec, step: stepSpec)
        guard range.step != nil else {
            guard r.atEnd else { throw r.extra(input.tokens[r.index], hint: "sweep needs a range: \(name) FROM..TO step X") }
            throw r.missing("FROM..TO")
        }
        guard !r.atEnd else { throw r.missing("command") }
        let nested = try Parser.command(input.tokens[r.index...], in: input.chars)
        return .sweep(SweepRequest(setting: name, range: range, command: nested.command, input: nested.source,
                                   commandArgument: r.index))
    }
}
