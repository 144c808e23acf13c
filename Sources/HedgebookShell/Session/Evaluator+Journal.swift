import HedgebookModel

extension Evaluator {
    /// `journal`: the record's figures (METHOD §7).
    static func journalReport(_ state: SessionState, log: [JournalEntry]) throws(CommandFailure) -> Report {
        guard state.account.hasAccount else {
            throw .command("no account yet", hint: "start with `account 100000`")
        }
        let r: JournalReport
        let openPnL = markedEquity(state) - state.account.equity
        do {
            r = try JournalReport(entries: log[..<state.journalCount], asOf: state.date, settings: state.sizing, openPnL: openPnL)
        } catch {
            throw .command(error.message)
        }
        let irrText = r.irr.rate.map { Fmt.percent($0) } ?? "undefined (\(r.irr.reason ?? "no flows"))"
        let pairs: [(String, String)] = [
            ("as of", r.asOf.description),
            ("equity", Fmt.money(r.equity) + " realised · marked \(Fmt.money(r.markedEquity))"
                + (state.positions.isEmpty ? "" : " (open P&L \(Fmt.pnl(r.markedEquity - r.equity)))")),
            ("trades", "\(r.wins + r.losses) (\(r.wins) won, \(r.losses) lost)"),
            ("win rate", r.winRate.map { Fmt.percent($0) } ?? "—"),
            ("average win", r.averageWin.map(Fmt.money) ?? "—"),
            ("average loss", r.averageLoss.map(Fmt.money) ?? "—"),
            ("break-even win rate", r.breakEvenWinRate.map { Fmt.percent($0) } ?? "—"),
            ("max drawdown", "\(Fmt.money(r.maxDrawdown.dollars)) (\(Fmt.percent(r.maxDrawdown.fraction)))"),
            ("cycles completed", "\(r.completedCycles.count), worst step \(r.worstStep)"),
            ("hedge cost / credit", r.hedgeCostRatio.map { Fmt.percent($0) } ?? "— (no credit recorded)"),
            ("IRR (money-weighted)", irrText),
        ]
        var text = keyValueLines(pairs)
        if r.equityCurve.count > 1 {
            text += "\nequity curve: " + r.equityCurve.suffix(12).map { Fmt.money0($0.equity) }.joined(separator: " → ")
        }
        let result: [(String, JSONValue)] = [
            ("trades", .int(r.wins + r.losses)), ("wins", .int(r.wins)), ("losses", .int(r.losses)),
            ("winRate", .num(r.winRate)), ("averageWin", .num(r.averageWin)), ("averageLoss", .num(r.averageLoss)),
            ("breakEvenWinRate", .num(r.breakEvenWinRate)),
            ("maxDrawdown", .object([("dollars", .num(r.maxDrawdown.dollars)), ("fraction", .num(r.maxDrawdown.fraction))])),
            ("cycles", .int(r.completedCycles.count)), ("worstStep", .int(r.worstStep)),
            ("irr", .num(r.irr.rate)), ("hedgeCostToCredit", .num(r.hedgeCostRatio)), ("equity", .num(r.equity)),
            ("markedEquity", .num(r.markedEquity)),
        ]
        return Report(text: text, result: result, explanations: r.explanations)
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
