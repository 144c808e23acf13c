import HedgebookModel

/// Orders as traded: typed strikes, contracts and prices, the model's for what is left out
/// (docs/whatif.md, "Your own trades").
extension Evaluator {
    /// The most contracts the cap allows at `riskPerContract` each: ⌊cap × equity ÷ risk⌋, with
    /// METHOD §12.5's relative tolerance of 1e-9.
    static func capContracts(_ capAmount: Double, riskPerContract: Double) -> Int {
        guard riskPerContract > 0 else { return Int.max / 2 }
        let n = capAmount / riskPerContract
        return Int((n * (1 + 1e-9)).rounded(.down))
    }

    /// Refuses `contracts` above `allowed` unless forced; returns how many are past the cap.
    static func checkCap(_ contracts: Int, allowed: Int, order o: OrderRequest, what: String) throws(CommandFailure) -> Int {
        guard contracts > allowed else { return 0 }
        guard o.force else {
            let more = contracts - allowed
            throw CommandFailure(
                "\(contracts) is \(more) more than the cap allows: \(allowed) \(what)", argument: o.contractsArgument ?? 0,
                hint: "`set cap` raises the cap; `!` at the end of the order forces it (and the position records that it did)")
        }
        return contracts - allowed
    }

    /// `open condor …` / `hedge Ln …` with typed parts.
    static func placeOrder(
        _ o: OrderRequest, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        let budget = try budgetOrFail(state)
        if let held = state.positions.first(where: { $0.kind == o.kind }) {
            throw CommandFailure(
                "the \(o.kind.name) is already open (\(held.contracts) since \(held.opened))", argument: 0,
                hint: "`close \(o.kind.name)` first: the method holds one \(o.kind == .condor ? "condor" : "of each layer") at a time")
        }
        switch o.kind {
        case .condor: return try openTypedCondor(o, budget: budget, state: &state, appending: &appended)
        case .hedge(let l): return try buyTypedLayer(l, o, state: &state, appending: &appended)
        }
    }

    static func openTypedCondor(
        _ o: OrderRequest, budget: RiskBudget, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        var c = try buildCondor(state).condor
        if let k = o.strikes {
            do {
                c = try IronCondor.typed(market: state.market, settings: state.condor,
                                         longPut: k[0], shortPut: k[1], shortCall: k[2], longCall: k[3])
            } catch {
                throw CommandFailure(error.message, argument: o.strikesArgument ?? 0)
            }
        }
        let a = state.account
        var p = Position.condor(c, contracts: 1, opened: state.date, cycle: a.cycle, step: a.step)
        if let price = o.price {
            guard price < c.width else {
                throw CommandFailure("a credit of \(Fmt.plain(price)) is not less than the width \(Fmt.plain(c.width)): no condor pays that",
                                     argument: o.priceArgument ?? 0, hint: "the price is per unit: 14.20 means $1,420 a condor")
            }
            p = p.filled(atNet: price)
        }
        let credit = p.fill
        let sizing: SizingResult
        do {
            sizing = try state.account.size(credit: 100 * credit, maxLoss: 100 * (c.width - credit), settings: state.sizing)
        } catch {
            throw CommandFailure(error.message, argument: o.priceArgument ?? 0)
        }
        let risk = sizing.riskPerContract
        let allowed = capContracts(budget.capAmount, riskPerContract: risk)
        let contracts = o.contracts ?? sizing.contracts
        guard contracts > 0 else {
            throw CommandFailure(
                "the risk budget \(Fmt.money(budget.amount)) cannot buy one condor at \(Fmt.money(risk)) risk each",
                argument: o.contractsArgument ?? 0, hint: "type the contracts (x1) to trade past the step's budget within the cap")
        }
        let past = try checkCap(contracts, allowed: allowed,
                                order: o, what: "at \(Fmt.money(risk)) risk each within the cap of \(Fmt.money(budget.capAmount))")
        p.contracts = contracts
        for i in p.legs.indices { p.legs[i].quantity *= contracts }
        p.pastCap = past
        state.positions.append(p)
        appended.append(JournalEntry(date: state.date, .credit(-p.entryValue)))
        let u = c.underlying.ticker
        let be = p.breakEvens ?? 0...0
        var text = "opened \(contracts) \(u) iron condor\(contracts == 1 ? "" : "s")"
            + " \(Fmt.level(c.longPut))/\(Fmt.level(c.shortPut))p – \(Fmt.level(c.shortCall))/\(Fmt.level(c.longCall))c,"
            + " \(c.dte) DTE (expires \(p.expiry)), at step \(a.step) of cycle \(a.cycle)"
            + (o.strikes != nil ? " · strikes as typed" : "") + "\n"
            + "credit \(Fmt.money(-p.entryValue)) (\(Fmt.fixed(credit, 2)) a unit, \(o.price != nil ? "typed" : "the model's"); model \(Fmt.fixed(c.credit / 100, 2)))"
            + " · risk \(Fmt.money(risk * Double(contracts))) · break-evens \(Fmt.fixed(be.lowerBound, 2)) – \(Fmt.fixed(be.upperBound, 2))"
        if Double(contracts) * risk > budget.amount * (1 + 1e-9) {
            text += "\nnote: more than step \(a.step)'s risk budget of \(Fmt.money(budget.amount))"
        }
        if past > 0 { text += "\nforced: \(past) past the cap of \(Fmt.money(budget.capAmount)) (recorded on the position)" }
        return Report(
            text: text,
            result: [("position", positionJSON(p.mark(market: state.market, on: state.date))),
                     ("contracts", .int(contracts)), ("credit", .num(-p.entryValue)), ("fill", .num(credit)),
                     ("source", .string(p.source.rawValue)), ("pastCap", .int(past)),
                     ("expiry", .string(p.expiry.description)),
                     ("breakevens", .array([.num(be.lowerBound), .num(be.upperBound)]))])
    }

    static func buyTypedLayer(
        _ l: HedgeLayerKind, _ o: OrderRequest, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        let plan: HedgePlan
        do {
            plan = try state.account.hedgePlan(market: state.market, sizing: state.sizing, hedge: state.hedge)
        } catch {
            throw .command(error.message)
        }
        var layer = plan.layer(l)
        if let k = o.strikes {
            for x in k where x != x.rounded() {
                throw CommandFailure("strike \(Fmt.plain(x)) is off the listing grid: VIX lists strikes every 1 point",
                                     argument: o.strikesArgument ?? 0)
            }
            layer.longStrike = k[0]
            layer.shortStrike = k.count > 1 ? k[1] : nil
        }
        let a = state.account
        layer.contracts = 1
        var p = Position.hedge(layer, market: state.market, opened: state.date, cycle: a.cycle, step: a.step)
        if let price = o.price {
            if let short = layer.shortStrike, price >= short - layer.longStrike {
                throw CommandFailure("a debit of \(Fmt.plain(price)) is not less than the width \(Fmt.plain(short - layer.longStrike)): no spread costs that",
                                     argument: o.priceArgument ?? 0)
            }
            p = p.filled(atNet: price)
        }
        let cost = 100 * p.fill
        // The cap of one layer, and what the gross cap leaves beside the layers held.
        let equity = a.equity
        let held = state.positions.filter { $0.kind != .condor }.reduce(0) { $0 + $1.entryValue }
        let grossLeft = max(0, state.hedge.grossCap * equity - held)
        let allowed = min(capContracts(state.sizing.cap * equity, riskPerContract: cost),
                          capContracts(grossLeft, riskPerContract: cost))
        let contracts = o.contracts ?? (o.strikes == nil && o.price == nil ? plan.layer(l).contracts : min(plan.layer(l).contracts, allowed))
        guard contracts > 0 else {
            throw CommandFailure("\(l.label) sizes to 0 contracts at \(Fmt.money(cost)) each", argument: o.contractsArgument ?? 0,
                                 hint: "type the contracts: hedge \(l.label) x2")
        }
        let past = try checkCap(contracts, allowed: allowed, order: o,
                                what: "at \(Fmt.money(cost)) each within the cap of \(Fmt.money(state.sizing.cap * equity)) and the gross cap's \(Fmt.money(grossLeft)) left")
        p.contracts = contracts
        for i in p.legs.indices { p.legs[i].quantity *= contracts }
        p.pastCap = past
        state.positions.append(p)
        appended.append(JournalEntry(date: state.date, .hedgeBought(l, premium: p.entryValue, contracts: contracts)))
        let strikes = p.legs.map { Fmt.plain($0.strike) }.joined(separator: "/")
        var text = "bought \(l.label): \(contracts) × VIX \(strikes) call\(p.legs.count > 1 ? " spread" : "") for \(Fmt.money(p.entryValue))"
            + " (\(Fmt.fixed(p.fill, 2)) a unit, \(o.price != nil ? "typed" : "the model's")), expires \(p.expiry)"
            + (o.strikes != nil ? " · strikes as typed" : "")
        if past > 0 { text += "\nforced: \(past) past the cap (recorded on the position)" }
        return Report(
            text: text,
            result: [("position", positionJSON(p.mark(market: state.market, on: state.date))),
                     ("contracts", .int(contracts)), ("premium", .num(p.entryValue)), ("fill", .num(p.fill)),
                     ("source", .string(p.source.rawValue)), ("pastCap", .int(past)),
                     ("expiry", .string(p.expiry.description))])
    }

    /// `close`, `close at 3.10`, `close L1`: at the typed price; without one, at the position's
    /// quote when it has one (the price its mark shows), else at the model's.
    static func closeOrder(
        _ r: CloseRequest, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        if r.price != nil { return try closeAtPrice(r, state: &state, appending: &appended) }
        guard let quoted = state.quotes.positions[r.kind], state.positions.contains(where: { $0.kind == r.kind }) else {
            return try close(r.kind, state: &state, appending: &appended)
        }
        var atQuote = r
        atQuote.price = quoted
        return try closeAtPrice(atQuote, state: &state, appending: &appended, quoted: true)
    }

    /// `close at 3.10` / `close L1 at 2.45`: realises the position at the typed price per unit.
    static func closeAtPrice(
        _ r: CloseRequest, state: inout SessionState, appending appended: inout [JournalEntry], quoted: Bool = false
    ) throws(CommandFailure) -> Report {
        guard let i = state.positions.firstIndex(where: { $0.kind == r.kind }), let price = r.price else {
            let open = state.positions.map(\.name)
            throw CommandFailure("no \(r.kind.name) is open", argument: nil,
                                 hint: open.isEmpty ? "`open condor` opens one" : "open: " + open.joined(separator: ", "))
        }
        let p = state.positions[i]
        if let width = positionWidth(p), price > width {
            throw CommandFailure("a price of \(Fmt.plain(price)) is more than the width \(Fmt.plain(width)): no \(p.name) is worth that",
                                 argument: r.priceArgument ?? 0)
        }
        var mark = p.mark(market: state.market, on: state.date)
        let value = (p.kind == .condor ? -1 : 1) * price * 100 * Double(p.contracts)
        mark.pnl = value - p.entryValue
        mark.value = value
        state.quotes.positions[p.kind] = nil
        let done = try realise(i, mark, verb: "at \(quoted ? "the quoted" : "a typed") \(Fmt.fixed(price, 2)), closed", state: &state, appending: &appended)
        return Report(text: done.text, result: done.json + [("fill", .num(price)), ("source", .string("typed"))],
                      explanations: done.explanations)
    }

    /// A spread's width per unit (a condor's wing, a layer's strikes), or `nil` for one call.
    static func positionWidth(_ p: Position) -> Double? {
        switch p.kind {
        case .condor:
            let puts = p.legs.filter { $0.kind == .put }.map(\.strike)
            guard let lo = puts.min(), let hi = puts.max() else { return nil }
            return hi - lo
        case .hedge:
            guard p.legs.count == 2 else { return nil }
            return abs(p.legs[1].strike - p.legs[0].strike)
        }
    }
}
