import HedgebookModel

extension Evaluator {
    /// `open condor` / `hedge L1|L2|L3`: one condor and one of each layer at a time, at model prices.
    static func open(
        _ kind: PositionKind, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        _ = try budgetOrFail(state)
        if let held = state.positions.first(where: { $0.kind == kind }) {
            throw CommandFailure(
                "the \(kind.name) is already open (\(held.contracts) since \(held.opened))", argument: 0,
                hint: "`close \(kind.name)` first: the method holds one \(kind == .condor ? "condor" : "of each layer") at a time")
        }
        switch kind {
        case .condor: return try openCondor(state: &state, appending: &appended)
        case .hedge(let layer): return try buyLayer(layer, state: &state, appending: &appended)
        }
    }

    static func openCondor(state: inout SessionState, appending appended: inout [JournalEntry]) throws(CommandFailure) -> Report {
        let sized = try buildCondor(state)
        let c = sized.condor
        guard let s = sized.sizing else { throw .command("no account yet", hint: "start with `account 100000`") }
        guard s.contracts > 0 else {
            let advice = zeroContractAdvice(state, budget: s.budget).text
                .split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " }) }.joined(separator: "; ")
            throw CommandFailure(
                s.finding ?? "the risk budget \(Fmt.money(s.budget.amount)) cannot buy one condor at \(Fmt.money(s.riskPerContract)) risk each",
                argument: 0, hint: advice.isEmpty ? "narrow the wings or trade XSP" : "what would: " + advice)
        }
        let a = state.account
        let p = Position.condor(c, contracts: s.contracts, opened: state.date, cycle: a.cycle, step: a.step)
        let credit = -p.entryValue - p.openingFees
        state.positions.append(p)
        appended.append(JournalEntry(date: state.date, .credit(credit)))
        let u = c.underlying.ticker
        let be = p.breakEvens ?? 0...0
        let text = "opened \(s.contracts) \(u) iron condor\(s.contracts == 1 ? "" : "s")"
            + " \(Fmt.level(c.longPut))/\(Fmt.level(c.shortPut))p – \(Fmt.level(c.shortCall))/\(Fmt.level(c.longCall))c,"
            + " \(c.dte) DTE (expires \(p.expiry)), at step \(a.step) of cycle \(a.cycle)\n"
            + "credit \(Fmt.money(credit)) (\(Fmt.money(c.credit)) each) · risk \(Fmt.money(s.totalRisk))"
            + " · gap risk \(Fmt.money(s.totalGapRisk)) · break-evens \(Fmt.fixed(be.lowerBound, 2)) – \(Fmt.fixed(be.upperBound, 2))"
        return Report(
            text: text,
            result: [("position", positionJSON(p.mark(market: state.market, on: state.date, fills: state.trade))),
                     ("contracts", .int(s.contracts)), ("credit", .num(credit)), ("expiry", .string(p.expiry.description)),
                     ("breakevens", .array([.num(be.lowerBound), .num(be.upperBound)]))],
            explanations: [s.explanation, s.budget.explanation])
    }

    static func buyLayer(
        _ l: HedgeLayerKind, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        let plan: HedgePlan
        let triggers: [HedgeTrigger]
        do {
            plan = try hedgePlan(state)
            triggers = try HedgeTriggers.evaluate(triggerInputs(state), settings: state.hedge)
        } catch {
            throw .command(error.message)
        }
        let layer = plan.layer(l)
        guard layer.contracts > 0 else {
            throw CommandFailure("\(l.label) sizes to 0 contracts at equity \(Fmt.money(state.account.equity)) (bound by \(layer.boundBy.rawValue))",
                                 argument: 0, hint: "`layers` shows each limit; a larger account or a lower strike buys more")
        }
        let a = state.account
        let p = Position.hedge(layer, market: state.market, opened: state.date, cycle: a.cycle, step: a.step, fills: state.trade)
        state.positions.append(p)
        appended.append(JournalEntry(date: state.date, .hedgeBought(l, premium: p.entryValue, contracts: layer.contracts)))
        var text = "bought \(l.label): \(layer.contracts) × \(layer.instrument) for \(Fmt.money(p.entryValue))"
            + " (\(Fmt.money(layer.costPerContract)) each, bound by \(layer.boundBy.rawValue)), expires \(p.expiry)"
        let trigger = triggers[l.rawValue]
        if !trigger.fires {
            text += "\nnote: the \(l.label) trigger does not fire now: " + trigger.reasons.joined(separator: "; ")
        }
        return Report(
            text: text,
            result: [("position", positionJSON(p.mark(market: state.market, on: state.date, fills: state.trade))),
                     ("contracts", .int(layer.contracts)), ("premium", .num(p.entryValue)),
                     ("expiry", .string(p.expiry.description)), ("triggerFires", .bool(trigger.fires))],
            explanations: [layer.explanation, layer.costExplanation, trigger.explanation])
    }

    /// `close` / `close L1`: realises the position at model prices now.
    static func close(
        _ kind: PositionKind, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        guard let i = state.positions.firstIndex(where: { $0.kind == kind }) else {
            let open = state.positions.map(\.name)
            throw CommandFailure("no \(kind.name) is open", argument: 0,
                                 hint: open.isEmpty ? "`open condor` opens one" : "open: " + open.joined(separator: ", "))
        }
        let mark = state.positions[i].mark(market: state.market, on: state.date, fills: state.trade)
        let r = try realise(i, mark, verb: "closed", state: &state, appending: &appended)
        return Report(text: r.text, result: r.json, explanations: r.explanations)
    }

    /// Removes position `i` and books `mark`: a condor's P&L (to the cent) as a `win`/`loss` of the
    /// martingale, a layer's value as proceeds in its ledger (hedges never move the equity).
    static func realise(
        _ i: Int, _ mark: PositionMark, verb: String, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> (text: String, json: [(String, JSONValue)], explanations: [Explanation]) {
        let p = state.positions.remove(at: i)
        var json: [(String, JSONValue)] = [("name", .string(p.name)), ("date", .string(state.date.description))]
        switch p.kind {
        case .condor:
            let pnl = (mark.pnl * 100).rounded() / 100
            let head = "\(verb) the condor (\(p.contracts) × \(p.legs[0].underlying.ticker), opened \(p.opened)):"
                + " credit \(Fmt.money(-p.entryValue)), \(mark.value < 0 ? "paid \(Fmt.money(-mark.value)) to close" : "worth \(Fmt.money(mark.value))")"
                + " → P&L \(Fmt.pnl(pnl))"
            json += [("pnl", .num(pnl)), ("value", .num(mark.value))]
            guard pnl != 0 else {
                return (head + "\na scratch: the progression does not move", json, [])
            }
            let report = try account(pnl > 0 ? .win(pnl) : .loss(-pnl), state: &state, appending: &appended)
            return (head + "\n" + report.text, json + report.result, report.explanations)
        case .hedge(let l):
            let proceeds = mark.liquidation
            appended.append(JournalEntry(date: state.date, .hedgeSold(l, proceeds: proceeds, contracts: p.contracts)))
            let pnl = proceeds - p.entryValue
            let text = "\(verb) \(l.label) (\(p.contracts), opened \(p.opened)) for \(Fmt.money(proceeds)),"
                + " premium \(Fmt.money(p.entryValue)) → P&L \(Fmt.pnl(pnl)) (in the layer's ledger; the progression does not move)"
            return (text, json + [("pnl", .num(pnl)), ("value", .num(proceeds))], [])
        }
    }
}
