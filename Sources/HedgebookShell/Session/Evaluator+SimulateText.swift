import HedgebookModel

extension Evaluator {
    /// The table of a Monte Carlo run: progression beside flat, then what theory says.
    static func simulationText(_ m: MonteCarloResult, _ r: SimulationRequest, _ condor: IronCondor) -> String {
        let c = m.config, s = c.settings
        let losses = c.lossPerContract.map { Fmt.money0($0) }.joined(separator: "/")
        var text = "\(grouped(c.paths)) paths × \(grouped(c.horizon.count))"
            + " \(r.unit.rawValue) from \(Fmt.money0(c.startEquity)) · seed \(c.seed) · win rate \(Fmt.percent(c.winRate))"
            + (r.winRate == nil ? " (the condor's P(profit))" : "") + " · \(s.steps) steps · reset \(s.reset.rawValue)\n"
        text += "win \(Fmt.money(c.winPerContract))/contract" + (r.win == nil ? " (the credit)" : "")
            + " · loss \(losses)/contract by step" + (r.loss == nil ? " (the stops)" : "") + "\n"
        let p = m.progression, f = m.flat
        func pct(_ x: Double, _ se: Double) -> String { Fmt.percent(x, decimals: 3) + " ± " + Fmt.percent(se, decimals: 3) }
        func pnl(_ x: Double, _ se: Double) -> String { Fmt.pnl(x) + " ± " + Fmt.money(se) }
        func count(_ n: Int) -> String { grouped(n) }
        var rows: [[String]] = [
            ["P(a cycle fails)", pct(p.pCycleFails, p.pCycleFailsStandardError), pct(f.pCycleFails, f.pCycleFailsStandardError)],
            ["expected P&L per cycle", pnl(p.evPerCycle, p.evPerCycleStandardError), pnl(f.evPerCycle, f.evPerCycleStandardError)],
            ["cycles · trades", count(p.cycles) + " · " + count(p.trades), count(f.cycles) + " · " + count(f.trades)],
        ]
        for (i, level) in Percentiles.levels.enumerated() {
            rows.append(["final equity p\(Int(level * 100))", Fmt.money0(p.finalEquity.values[i]), Fmt.money0(f.finalEquity.values[i])])
        }
        for (i, level) in Percentiles.levels.enumerated() {
            rows.append(["max drawdown p\(Int(level * 100))",
                         Fmt.percent(p.maxDrawdownFraction.values[i]) + " (" + Fmt.money0(p.maxDrawdown.values[i]) + ")",
                         Fmt.percent(f.maxDrawdownFraction.values[i]) + " (" + Fmt.money0(f.maxDrawdown.values[i]) + ")"])
        }
        rows.append(["paths stopped (< 1 contract)", count(p.stoppedPaths), count(f.stoppedPaths)])
        text += Table(header: ["", "progression", "flat (step-1 size)"], rows: rows).render()
        let q = 1 - c.winRate
        var qK = 1.0
        for _ in 0..<s.steps { qK *= q }
        text += "\ntheory: P(\(s.steps) losses in a row) = q^K = \(Fmt.percent(qK, decimals: 4))"
            + (s.reset == .win ? " = P(a cycle fails) under rule win" : " (rule recover fails more often: a win may not recover)")
        text += "\nflat plays the same draws at step-1 size, so each of its trades is a cycle; ± is one standard error"
        if c.fractional {
            text += "\nthe budget cannot buy one whole contract at every step, so the paths are played per dollar of budget:"
                + " fractional contracts (budget ÷ risk per contract); the engine trades whole contracts"
                + " (`set underlying xsp` or a narrower `set width`)"
        }
        return text
    }

    static func simulationJSON(_ m: MonteCarloResult, _ r: SimulationRequest) -> [(String, JSONValue)] {
        func percentiles(_ x: Percentiles) -> JSONValue {
            .object(zip(Percentiles.levels, x.values).map { ("p\(Int($0 * 100))", .num($1)) })
        }
        func strategy(_ s: StrategySummary) -> [(String, JSONValue)] {
            [
                ("pCycleFails", .num(s.pCycleFails)), ("pCycleFailsSE", .num(s.pCycleFailsStandardError)),
                ("evPerCycle", .num(s.evPerCycle)), ("evPerCycleSE", .num(s.evPerCycleStandardError)),
                ("cycles", .int(s.cycles)), ("trades", .int(s.trades)), ("meanFinalEquity", .num(s.meanFinalEquity)),
                ("finalEquity", percentiles(s.finalEquity)), ("maxDrawdownPct", percentiles(s.maxDrawdownFraction)),
                ("maxDrawdown", percentiles(s.maxDrawdown)), ("stoppedPaths", .int(s.stoppedPaths)),
            ]
        }
        let c = m.config
        return [
            ("paths", .int(c.paths)), ("horizon", .int(c.horizon.count)), ("unit", .string(r.unit.rawValue)), ("seed", .int(Int(c.seed))),
            ("winRate", .num(c.winRate)), ("startEquity", .num(c.startEquity)), ("fractional", .bool(c.fractional)),
        ] + strategy(m.progression) + [("flat", .object(strategy(m.flat)))]
    }
}
