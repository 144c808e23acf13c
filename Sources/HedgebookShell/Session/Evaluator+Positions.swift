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
        state.condorHedgePnL = 0
        state.vixAtCondorOpen = state.market.vix
        state.firedTriggers.removeAll()  // first-fired dates are kept per condor (METHOD §12 item 17)
        appended.append(JournalEntry(date: state.date, .credit(credit, fees: p.openingFees)))
        let u = c.underlying.ticker
        let be = p.breakEvens ?? 0...0
        let text = "opened \(s.contracts) \(u) iron condor\(s.contracts == 1 ? "" : "s")"
            + " \(Fmt.level(c.longPut))/\(Fmt.level(c.shortPut))p – \(Fmt.level(c.shortCall))/\(Fmt.level(c.longCall))c,"
            + " \(c.dte) DTE (expires \(p.expiry)), at step \(a.step) of cycle \(a.cycle)\n"
            + "credit \(Fmt.money(credit)) as filled (\(Fmt.money(c.credit)) each, after \(Fmt.money(p.openingFees)) of fees;"
            + " model \(Fmt.money(c.modelCredit)) each) · risk \(Fmt.money(s.totalRisk))"
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
        appended.append(JournalEntry(
            date: state.date, .hedgeBought(l, premium: p.entryValue, contracts: layer.contracts, fees: p.openingFees)))
        var text = "bought \(l.label): \(layer.contracts) × \(layer.instrument) for \(Fmt.money(p.entryValue))"
            + " (\(Fmt.money(layer.costPerContract)) each as filled, bound by \(layer.boundBy.rawValue)) + \(Fmt.money(p.openingFees)) fees,"
            + " expires \(p.expiry)"
        let trigger = triggers[l.rawValue]
        if !trigger.fires {
            text += "\nnote: the \(l.label) trigger does not fire now: " + trigger.reasons.joined(separator: "; ")
        }
        return Report(
            text: text,
            result: [("position", positionJSON(p.mark(market: state.market, on: state.date, fills: state.trade))),
                     ("contracts", .int(layer.contracts)), ("premium", .num(p.entryValue)), ("fees", .num(p.openingFees)),
                     ("expiry", .string(p.expiry.description)), ("triggerFires", .bool(trigger.fires))],
            explanations: [layer.explanation, layer.costExplanation, trigger.explanation])
    }

    /// `close` / `close L1`: realises the position now, at its fills and with its closing fees.
    static func close(
        _ kind: PositionKind, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        guard state.positions.contains(where: { $0.kind == kind }) else {
            let open = state.positions.map(\.name)
            throw CommandFailure("no \(kind.name) is open", argument: 0,
                                 hint: open.isEmpty ? "`open condor` opens one" : "open: " + open.joined(separator: ", "))
        }
        let r = realise(kind, verb: "closed", state: &state, appending: &appended)
        return Report(text: r.text, result: r.json, explanations: r.explanations)
    }

    /// Closes the open position of `kind` at the session's date and market (METHOD §6, §7, §12 items
    /// 14 and 16) and books it into the one account:
    /// - a hedge layer's P&L (proceeds − closing fees − premium − opening fees; a layer worth no
    ///   more than its closing fees is written off) moves the equity, and nets into the open condor;
    /// - closing the condor first sells L1 and L2 in the same cell under `hedgeclose withcondor`;
    ///   its own P&L moves the equity and its result (net of the layers realised since it opened,
    ///   under `netting net`) goes through the martingale. Never refused.
    /// With `price`, the position itself closes at that price per unit (typed or quoted: no slippage,
    /// the closing fees apply); the layers sold with the condor close at their marks.
    static func realise(
        _ kind: PositionKind, verb: String, price: Double? = nil, state: inout SessionState,
        appending appended: inout [JournalEntry]
    ) -> (text: String, json: [(String, JSONValue)], explanations: [Explanation]) {
        guard let i = state.positions.firstIndex(where: { $0.kind == kind }) else { return ("", [], []) }
        var lines: [String] = []
        var json: [(String, JSONValue)] = [("name", .string(kind.name)), ("date", .string(state.date.description))]
        if kind == .condor && state.trade.hedgeClose == .withCondor {
            var sold: [JSONValue] = []
            for l in [HedgeLayerKind.l1, .l2] where state.positions.contains(where: { $0.kind == .hedge(l) }) {
                let r = realise(.hedge(l), verb: "sold with the condor", state: &state, appending: &appended)
                lines.append(r.text)
                sold.append(.object(r.json))
            }
            if !sold.isEmpty { json.append(("hedgesSold", .array(sold))) }
        }
        let j = state.positions.firstIndex(where: { $0.kind == kind }) ?? i
        var mark = state.positions[j].mark(market: state.market, on: state.date, fills: state.trade)
        if let price { mark = mark.closing(atNet: price, fills: state.trade) }
        let p = state.positions.remove(at: j)
        let pnl = mark.pnl
        switch p.kind {
        case .condor:
            let hedges = state.condorHedgePnL
            let result = state.trade.netting == .net ? pnl + hedges : pnl
            let before = state.account
            let transition = state.account.record(result: result, equityChange: pnl, settings: state.sizing)
            if state.account.cycle != before.cycle || transition?.endedCycle != nil {
                state.vixAtCycleStart = state.market.vix
                state.events.removeAll()
            }
            state.condorHedgePnL = 0
            state.vixAtCondorOpen = nil
            // A flagged event counts until the open condor closes (METHOD §12 item 17).
            state.events.removeAll()
            state.firedTriggers.removeAll()
            appended.append(JournalEntry(date: state.date, .condorClosed(pnl: pnl, result: result, fees: mark.closingFees)))
            let cost = mark.settled ? "settled at \(Fmt.money(-mark.liquidation))"
                : "paid \(Fmt.money(-mark.liquidation)) + \(Fmt.money(mark.closingFees)) fees to close"
            var head = "\(verb) the condor (\(p.contracts) × \(p.legs[0].underlying.ticker), opened \(p.opened)):"
                + " credit \(Fmt.money(-p.entryValue - p.openingFees)) as filled, \(cost) → P&L \(Fmt.pnl(pnl))"
            if state.trade.netting == .net && hedges != 0 {
                head += "; with the hedges realised during its life (\(Fmt.pnl(hedges))) the result is \(Fmt.pnl(result))"
            }
            lines.append(head)
            lines.append(transition?.summary ?? "a scratch (|result| < $0.005): the progression does not move")
            lines.append(accountLine(state))
            json += [("pnl", .num(pnl)), ("value", .num(mark.liquidation)), ("fees", .num(mark.closingFees)),
                     ("result", .num(result))]
            json += accountJSON(state)
            return (lines.joined(separator: "\n"), json, transition.map { [$0.explanation] } ?? [])
        case .hedge(let l):
            let proceeds = mark.liquidation
            state.account.realise(pnl)
            let condorOpen = state.positions.contains { $0.kind == .condor }
            if condorOpen { state.condorHedgePnL += pnl }
            appended.append(JournalEntry(
                date: state.date,
                .hedgeSold(l, proceeds: proceeds, contracts: p.contracts, fees: mark.closingFees, pnl: pnl)))
            let feesToSell = state.trade.fees(legs: p.legs.count, contracts: p.contracts)
            let how = mark.writtenOff ? "written off (worth no more than its \(Fmt.money(feesToSell)) closing fees)"
                : "for \(Fmt.money(proceeds))" + (mark.closingFees > 0 ? " − \(Fmt.money(mark.closingFees)) fees" : "")
            let text = "\(verb) \(l.label) (\(p.contracts), opened \(p.opened)) \(how),"
                + " premium \(Fmt.money(p.entryValue)) + \(Fmt.money(p.openingFees)) fees → P&L \(Fmt.pnl(pnl)) into equity"
                + (condorOpen ? " (nets into the open condor's result)" : "")
                + (verb == "sold with the condor" ? "" : "\n" + accountLine(state))
            lines.append(text)
            return (lines.joined(separator: "\n"),
                    json + [("pnl", .num(pnl)), ("value", .num(proceeds)), ("fees", .num(mark.closingFees)),
                            ("writtenOff", .bool(mark.writtenOff)), ("equity", .num(state.account.equity))],
                    [])
        }
    }
}
