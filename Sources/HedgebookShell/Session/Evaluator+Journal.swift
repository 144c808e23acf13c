import HedgebookModel

extension Evaluator {
    /// The journal folded as of the session date, with the open positions' P&L for the marked equity.
    static func journalFold(_ state: SessionState, log: [JournalEntry]) throws(CommandFailure) -> JournalReport {
        guard state.account.hasAccount else {
            throw .command("no account yet", hint: "start with `account 100000`")
        }
        let openPnL = markedEquity(state) - state.account.equity
        do {
            return try JournalReport(
                entries: log[..<state.journalCount], asOf: state.date, settings: state.sizing, openPnL: openPnL)
        } catch {
            throw .command(error.message)
        }
    }

    /// `journal`: the record's figures (METHOD §7).
    static func journalReport(_ state: SessionState, log: [JournalEntry]) throws(CommandFailure) -> Report {
        let r = try journalFold(state, log: log)
        let irrText = r.irr.rate.map { Fmt.rate($0) } ?? "undefined (\(r.irr.reason ?? "no flows"))"
        func drawdown(_ d: Drawdown) -> String {
            guard d.dollars > 0, let peak = d.peakDate, let trough = d.troughDate else { return "none" }
            return "\(Fmt.money(d.dollars)) (\(Fmt.percent(d.fraction))), peak \(peak) → trough \(trough)"
        }
        let pairs: [(String, String)] = [
            ("as of", r.asOf.description),
            ("equity", Fmt.money(r.equity) + " realised · marked \(Fmt.money(r.markedEquity))"
                + (state.positions.isEmpty ? "" : " (open P&L \(Fmt.pnl(r.markedEquity - r.equity)))")),
            ("trades", "\(r.wins + r.losses) (\(r.wins) won, \(r.losses) lost)"),
            ("win rate", r.winRate.map { Fmt.percent($0) } ?? "—"),
            ("average win", r.averageWin.map(Fmt.money) ?? "—"),
            ("average loss", r.averageLoss.map(Fmt.money) ?? "—"),
            ("break-even win rate", r.breakEvenWinRate.map { Fmt.percent($0) } ?? "—"),
            ("max drawdown ($)", drawdown(r.maxDrawdown)),
            ("max drawdown (%)", drawdown(r.maxDrawdownPct)),
            ("cycles completed", "\(r.completedCycles.count), worst step \(r.worstStep)"),
            ("hedge cost / credit", r.hedgeCostRatio.map { Fmt.percent($0) } ?? "— (no credit recorded)"),
            ("fees paid", Fmt.money(r.fees)),
            ("IRR (money-weighted)", irrText),
        ]
        var text = keyValueLines(pairs)
        let traded = r.layers.filter { $0.premiumPaid > 0 }
        if !traded.isEmpty {
            text += "\n" + Table(
                header: ["layer", "premium + fees", "proceeds − fees", "held", "P&L", "IRR"],
                rows: traded.map { l in
                    [l.layer.label, Fmt.money(l.premiumPaid), Fmt.money(l.proceeds), Fmt.money(l.heldValue), Fmt.pnl(l.pnl),
                     Fmt.rate(l.irr.rate)]
                },
                alignment: [.left, .right, .right, .right, .right, .right]
            ).render()
        }
        if r.equityCurve.count > 1 {
            text += "\nequity curve (marked): " + r.equityCurve.suffix(12).map { Fmt.money0($0.equity) }.joined(separator: " → ")
        }
        func drawdownJSON(_ d: Drawdown, percent: Bool) -> JSONValue {
            .object([(percent ? "fraction" : "dollars", .num(percent ? d.fraction : d.dollars)),
                     percent ? ("dollars", .num(d.dollars)) : ("fraction", .num(d.fraction)),
                     ("peak", d.peakDate.map { .string($0.description) } ?? .null),
                     ("trough", d.troughDate.map { .string($0.description) } ?? .null)])
        }
        let layers: [JSONValue] = r.layers.map { l in
            .object([("layer", .string(l.layer.label)), ("premium", .num(l.premiumPaid)), ("proceeds", .num(l.proceeds)),
                     ("held", .num(l.heldValue)), ("pnl", .num(l.pnl)), ("irr", .num(l.irr.rate))])
        }
        let result: [(String, JSONValue)] = [
            ("trades", .int(r.wins + r.losses)), ("wins", .int(r.wins)), ("losses", .int(r.losses)),
            ("winRate", .num(r.winRate)), ("averageWin", .num(r.averageWin)), ("averageLoss", .num(r.averageLoss)),
            ("breakEvenWinRate", .num(r.breakEvenWinRate)),
            ("maxDrawdown", drawdownJSON(r.maxDrawdown, percent: false)),
            ("maxDrawdownPct", drawdownJSON(r.maxDrawdownPct, percent: true)),
            ("cycles", .int(r.completedCycles.count)), ("worstStep", .int(r.worstStep)),
            ("irr", .num(r.irr.rate)), ("hedgeCostToCredit", .num(r.hedgeCostRatio)), ("equity", .num(r.equity)),
            ("markedEquity", .num(r.markedEquity)), ("fees", .num(r.fees)), ("layers", .array(layers)),
        ]
        return Report(text: text, result: result, explanations: r.explanations)
    }

    /// `journal entries`: every dated entry with the equity (realised and marked) after it.
    static func journalEntriesReport(_ state: SessionState, log: [JournalEntry]) throws(CommandFailure) -> Report {
        let r = try journalFold(state, log: log)
        let rows = r.ledger.map { line -> [String] in
            let e = line.entry
            return [e.date.description, e.kindName, Fmt.money(e.amount), e.fees == 0 ? "" : Fmt.money(e.fees),
                    e.realisedPnL == 0 ? "" : Fmt.pnl(e.realisedPnL), Fmt.money(line.equity), Fmt.money(line.markedEquity)]
        }
        let text = "\(rows.count) entries · equity \(Fmt.money(r.equity)) realised · marked \(Fmt.money(r.markedEquity))\n"
            + Table(header: ["date", "entry", "amount", "fees", "realised", "equity", "marked"], rows: rows,
                    alignment: [.left, .left, .right, .right, .right, .right, .right]).render()
        let entries: [JSONValue] = r.ledger.map { line in
            let e = line.entry
            var pairs: [(String, JSONValue)] = [
                ("date", .string(e.date.description)), ("kind", .string(e.kindName)), ("amount", .num(e.amount)),
                ("fees", .num(e.fees)), ("pnl", .num(e.realisedPnL)), ("equity", .num(line.equity)),
                ("markedEquity", .num(line.markedEquity)),
            ]
            if let result = e.tradeResult { pairs.append(("result", .num(result))) }
            return .object(pairs)
        }
        return Report(text: text, result: [("entries", .array(entries)), ("equity", .num(r.equity)),
                                           ("markedEquity", .num(r.markedEquity))])
    }

    /// The ledger as CSV: a header, then one line per entry; plain numbers, two decimals.
    static func journalCSV(_ r: JournalReport) -> String {
        func money(_ x: Double) -> String { ModelFormat.fixed(x, decimals: 2) }
        var lines = ["date,kind,amount,fees,pnl,result,equity,marked_equity"]
        for line in r.ledger {
            let e = line.entry
            lines.append([e.date.description, e.kindName, money(e.amount), money(e.fees), money(e.realisedPnL),
                          e.tradeResult.map(money) ?? "", money(line.equity), money(line.markedEquity)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `price INSTRUMENT KIND STRIKE DTE`: the model price and greeks of one option.
    static func priceReport(
        _ state: SessionState, _ underlying: Underlying, _ kind: OptionKind, strike: Double, dte: Int
    ) throws(CommandFailure) -> Report {
        let p: PricedOption
        do {
            p = try OptionPricer.quote(market: state.market, underlying: underlying, kind: kind, strike: strike, dte: dte)
        } catch {
            let argument: Int
            switch error {
            case .outOfRange(let q, _, _), .notPositive(let q, _), .notFinite(let q):
                argument = q.contains("DTE") ? 3 : 2
            default: argument = 2
            }
            throw CommandFailure(error.message, argument: argument)
        }
        let q = p.quote
        let head = "\(underlying.ticker) \(Fmt.level(strike)) \(kind.rawValue) · \(dte) DTE"
            + " · \(underlying == .vix ? "future" : "forward") \(Fmt.fixed(p.forward, 2)) · iv \(Fmt.percent(p.volatility))"
        let pairs: [(String, String)] = [
            ("price", "\(Fmt.fixed(q.price, 4))  (\(Fmt.money(q.price * underlying.multiplier)) per contract)"),
            ("delta", Fmt.fixed(q.delta, 4)), ("gamma", Fmt.fixed(q.gamma, 6)),
            ("vega", Fmt.fixed(q.vega, 4) + " per vol point"), ("theta", Fmt.fixed(q.theta, 4) + " per day"),
        ]
        var result: [(String, JSONValue)] = [
            ("price", .num(q.price)), ("delta", .num(q.delta)), ("gamma", .num(q.gamma)), ("vega", .num(q.vega)),
            ("theta", .num(q.theta)), ("iv", .num(p.volatility)),
        ]
        if underlying == .vix { result.append(("forward", .num(p.forward))) }
        return Report(text: head + "\n" + keyValueLines(pairs), result: result, explanations: [p.explanation])
    }
}
