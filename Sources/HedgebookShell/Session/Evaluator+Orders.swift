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
                c = try IronCondor.typed(market: state.market, settings: listedCondor(state).settings,
                                         longPut: k[0], shortPut: k[1], shortCall: k[2], longCall: k[3], fills: state.trade)
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
        // The credit as filled per contract: the fill (typed, or the model's mids ± slippage) less
        // the opening fees; sizing and the cap (on capital at risk, the max loss) use it (METHOD §5, §9).
        let credit = p.fill
        let filled = 100 * credit - c.openingFees
        guard filled > 0 else {
            throw CommandFailure("a credit of \(Fmt.fixed(credit, 2)) is less than the \(Fmt.money(c.openingFees)) of fees to open one condor: nothing to sell",
                                 argument: o.priceArgument ?? 0)
        }
        let sizing: SizingResult
        do {
            sizing = try state.account.size(credit: filled, maxLoss: 100 * c.width - filled, settings: state.sizing)
        } catch {
            throw CommandFailure(error.message, argument: o.priceArgument ?? 0)
        }
        let risk = sizing.riskPerContract, maxLoss = 100 * c.width - filled
        let allowed = sizing.capContracts
        let contracts = o.contracts ?? sizing.contracts
        guard contracts > 0 else {
            throw CommandFailure(
                sizing.finding ?? "the risk budget \(Fmt.money(budget.amount)) cannot buy one condor at \(Fmt.money(risk)) risk each",
                argument: o.contractsArgument ?? 0, hint: "type the contracts (x1) to trade past the step's budget within the cap")
        }
        let past = try checkCap(contracts, allowed: allowed, order: o,
                                what: "at \(Fmt.money(maxLoss)) max loss each within the cap on capital at risk, \(Fmt.money(budget.capAmount))")
        p.contracts = contracts
        for i in p.legs.indices { p.legs[i].quantity *= contracts }
        p.openingFees = c.openingFees * Double(contracts)
        p.pastCap = past
        state.positions.append(p)
        state.condorHedgePnL = 0
        state.vixAtCondorOpen = state.market.vix
        state.firedTriggers.removeAll()  // as `open condor`: first-fired dates are kept per condor (METHOD §12 item 17)
        appended.append(JournalEntry(date: state.date, .credit(-p.entryValue - p.openingFees, fees: p.openingFees)))
        let u = c.underlying.ticker
        let be = p.breakEvens ?? 0...0
        var text = "opened \(contracts) \(u) iron condor\(contracts == 1 ? "" : "s")"
            + " \(Fmt.level(c.longPut))/\(Fmt.level(c.shortPut))p – \(Fmt.level(c.shortCall))/\(Fmt.level(c.longCall))c,"
            + " \(c.dte) DTE (expires \(p.expiry)), at step \(a.step) of cycle \(a.cycle)"
            + (o.strikes != nil ? " · strikes as typed" : "") + "\n"
            + "credit \(Fmt.money(-p.entryValue - p.openingFees)) as filled (\(Fmt.fixed(credit, 2)) a unit, \(o.price != nil ? "typed" : "the model's fills"),"
            + " less \(Fmt.money(p.openingFees)) of fees; model mids \(Fmt.fixed(c.modelCredit / 100, 2)))\n"
            + "risk \(Fmt.money(risk * Double(contracts))) at the stop · \(Fmt.money(maxLoss * Double(contracts))) at max loss"
            + " · break-evens \(Fmt.fixed(be.lowerBound, 2)) – \(Fmt.fixed(be.upperBound, 2))"
        if Double(contracts) * risk > budget.amount * (1 + 1e-9) {
            text += "\nnote: more than step \(a.step)'s risk budget of \(Fmt.money(budget.amount))"
        }
        if past > 0 { text += "\nforced: \(past) past the cap on capital at risk, \(Fmt.money(budget.capAmount)) (recorded on the position)" }
        return Report(
            text: text,
            result: [("position", positionJSON(p.mark(market: state.market, on: state.date, fills: state.trade))),
                     ("contracts", .int(contracts)), ("credit", .num(-p.entryValue - p.openingFees)), ("fill", .num(credit)),
                     ("source", .string(p.source.rawValue)), ("pastCap", .int(past)),
                     ("expiry", .string(p.expiry.description)),
                     ("breakevens", .array([.num(be.lowerBound), .num(be.upperBound)]))])
    }

    static func buyTypedLayer(
        _ l: HedgeLayerKind, _ o: OrderRequest, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        let plan: HedgePlan
        do {
            plan = try hedgePlan(state)
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
        var p = Position.hedge(layer, market: state.market, opened: state.date, cycle: a.cycle, step: a.step, fills: state.trade)
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
        p.openingFees = state.trade.fees(legs: p.legs.count, contracts: contracts)
        p.pastCap = past
        state.positions.append(p)
        appended.append(JournalEntry(
            date: state.date, .hedgeBought(l, premium: p.entryValue, contracts: contracts, fees: p.openingFees)))
        let strikes = p.legs.map { Fmt.plain($0.strike) }.joined(separator: "/")
        var text = "bought \(l.label): \(contracts) × VIX \(strikes) call\(p.legs.count > 1 ? " spread" : "") for \(Fmt.money(p.entryValue))"
            + " (\(Fmt.fixed(p.fill, 2)) a unit, \(o.price != nil ? "typed" : "the model's fills")) + \(Fmt.money(p.openingFees)) fees,"
            + " expires \(p.expiry)"
            + (o.strikes != nil ? " · strikes as typed" : "")
        if past > 0 { text += "\nforced: \(past) past the cap (recorded on the position)" }
        return Report(
            text: text,
            result: [("position", positionJSON(p.mark(market: state.market, on: state.date, fills: state.trade))),
                     ("contracts", .int(contracts)), ("premium", .num(p.entryValue)), ("fees", .num(p.openingFees)),
                     ("fill", .num(p.fill)),
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
        _ = i
        state.quotes.positions[p.kind] = nil
        let done = realise(p.kind, verb: "at \(quoted ? "the quoted" : "a typed") \(Fmt.fixed(price, 2)), closed", price: price,
                           state: &state, appending: &appended)
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
