import HedgebookModel

extension Evaluator {
    /// `shock spx -8% vix 35 in 5d`: P&L per open position and net if the market moved so; a query.
    ///
    /// P&L is value in the scenario minus value now (not minus entry), so a zero shock is zero.
    /// Without `vix`, VIX follows the spot–vol rule (`set spotvol`); without `spx`, SPX stays.
    static func shockReport(_ state: SessionState, _ r: ShockRequest) throws(CommandFailure) -> Report {
        guard !state.positions.isEmpty else {
            throw .command("no open positions to shock", hint: "`open condor` or `hedge L1` first")
        }
        let move = r.spxMove ?? 0
        if move <= -1 {
            throw CommandFailure("SPX cannot fall \(Fmt.percent(-move)) or more: the move must be more than -100%",
                                 argument: r.spxArgument)
        }
        let scenario = Scenario(spxMove: move, vix: r.vix, days: r.days)
        let result: ScenarioPnL
        do {
            result = try ScenarioPnL(positions: state.positions, market: state.market, date: state.date,
                                     scenario: scenario, rule: state.spotVol)
        } catch {
            throw CommandFailure(error.message, argument: r.vix != nil ? r.vixArgument : r.spxArgument)
        }
        let m = state.market, after = result.market
        let vixHow = r.vix != nil ? "" : r.spxMove == nil ? "" : " (spot–vol rule, elasticity \(Fmt.plain(state.spotVol.elasticity)))"
        var text = "shock: SPX \(Fmt.level(m.spx)) → \(Fmt.level(after.spx)) (\(signedPercent(move)))"
            + " · VIX \(Fmt.level(m.vix)) → \(Fmt.level(after.vix))\(vixHow)"
            + (r.days > 0 ? " · in \(r.days) day\(r.days == 1 ? "" : "s") (\(result.date))" : " · now") + "\n"
        var rows: [[String]] = []
        var positions: [JSONValue] = []
        var net = 0.0
        // From the mark now (a quote where there is one) to the model's value then.
        for (mark, modelPnL) in zip(marks(state), result.pnl) {
            let p = mark.position
            let then = p.value(market: m, on: state.date) + modelPnL
            let now = mark.value, pnl = then - now
            net += pnl
            rows.append([p.name + (mark.quoteSource == nil ? "" : " (quote)"), Fmt.money(now), Fmt.money(then), Fmt.pnl(pnl)])
            positions.append(.object([("name", .string(p.name)), ("pnl", .num(pnl)), ("value", .num(now)),
                                      ("valueThen", .num(then)), ("markSource", .string(markSource(mark)))]))
        }
        rows.append(["net", "", "", Fmt.pnl(net)])
        text += Table(header: ["position", "value now", "value then", "P&L"], rows: rows).render()
        text += "\n(a what-if: nothing changed)"
        return Report(text: text, result: [
            ("positions", .array(positions)), ("net", .num(net)), ("spx", .num(after.spx)),
            ("vix", .num(after.vix)), ("vixFromRule", .bool(r.vix == nil && r.spxMove != nil)),
            ("date", .string(result.date.description)), ("days", .int(r.days)),
        ])
    }

    /// `-8%`, `+2%`, `0%`.
    static func signedPercent(_ x: Double) -> String { (x > 0 ? "+" : "") + Fmt.percent(x) }
}
