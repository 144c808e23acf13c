import HedgebookModel

extension Evaluator {
    /// Paths of `simulate N years` when none are given.
    static let defaultYearPaths = 500

    /// The engine's settings from the session: its equity, market, condor, sizing, hedge and trade
    /// settings, at a fresh cycle, step 1, without the session's positions (METHOD §12 item 20).
    static func pathSettings(_ state: SessionState) -> PathSettings {
        PathSettings(startEquity: state.account.equity, market: state.market, condor: state.condor,
                     sizing: state.sizing, hedge: state.hedge, trade: state.trade)
    }

    /// The simulated market from the session's date, SPX and VIX with `settings`.
    static func simulatedMarket(_ state: SessionState, _ settings: PathMarketSettings) throws(CommandFailure) -> SimulatedMarket {
        do {
            return try SimulatedMarket(
                settings: settings, start: PathDay(date: state.date, spx: state.market.spx, vix: state.market.vix),
                vvix: state.market.vvix)
        } catch { throw .command(error.message) }
    }

    /// `simulate N years [paths M] [seed S]`: the §9 engine on §10 simulated paths beside flat sizing,
    /// no hedges, neither and SPX held.
    static func simulateYearsReport(
        _ state: SessionState, _ r: SimulationRequest, observe: PathSimulation.Observer? = nil
    ) throws(CommandFailure) -> Report {
        _ = try budgetOrFail(state)
        for (given, i, word) in [(r.winRate, 3, "winrate"), (r.win, 5, "win"), (r.loss, 6, "loss")] where given != nil {
            throw CommandFailure(
                "`\(word)` does not apply to `simulate N years`: the engine plays each condor's life on the paths",
                argument: i, hint: "`simulate N cycles \(word) …` plays the pure progression with a given win rate")
        }
        let sim: PathSimulation
        do {
            sim = try PathSimulation(
                market: try simulatedMarket(state, state.pathMarket), settings: pathSettings(state), years: r.count,
                paths: r.paths ?? defaultYearPaths, seed: UInt64(r.seed ?? SimulationRequest.defaultSeed))
        } catch let e as CommandFailure { throw e } catch let e as ModelError {
            throw CommandFailure(e.message, argument: e.message.contains("paths") ? 2 : 0)
        } catch { throw .command("\(error)") }
        let result = sim.run(observe: observe)
        guard !result.cancelled else {
            throw CommandFailure.command(
                "simulation stopped after \(grouped(result.paths)) of \(grouped(sim.paths)) paths; the session is unchanged")
        }
        return Report(text: yearsText(result), result: yearsJSON(result))
    }

    static func yearsText(_ m: PathSimulationResult) -> String {
        let s = m.simulation, p = s.market.settings
        var text = "\(grouped(s.paths)) paths × \(s.years) years (\(grouped(s.daysPerPath)) trading days each) from"
            + " \(Fmt.money0(s.settings.startEquity)) · seed \(s.seed) · fresh cycle, step 1, no positions\n"
        text += "simulated market: vrp \(Fmt.plain(p.vrp, decimals: 2)) · μ \(Fmt.percent(p.mu)) · ρ \(Fmt.plain(p.rho, decimals: 2))"
            + " · κv \(Fmt.plain(p.kappaV, decimals: 2)) · θv \(Fmt.plain(p.thetaV, decimals: 2)) · VVIX \(Fmt.plain(s.market.vvix, decimals: 2))"
            + " · crashes \(Fmt.plain(p.jumps, decimals: 2))/yr of \(Fmt.percent(p.jumpSize)) (VIX × \(Fmt.plain(p.jumpVix, decimals: 2)))\n"
        let runs: [PathSimulationResult.Summary] = [m.main] + [m.flat, m.noHedges, m.neither].compactMap { $0 }
        func row(_ label: String, _ f: (PathSimulationResult.Summary) -> String, spx: String = "") -> [String] {
            [label] + runs.map(f) + (runs.count > 1 ? [spx] : [])
        }
        var rows: [[String]] = []
        for (name, pick) in [("p5", \PathSimulationResult.Percentiles.p5), ("p50", \.p50), ("p95", \.p95)] {
            rows.append(row("CAGR \(name)", { Fmt.percent($0.cagr[keyPath: pick]) }, spx: Fmt.percent(m.spxCagr[keyPath: pick])))
        }
        for (name, pick) in [("p5", \PathSimulationResult.Percentiles.p5), ("p50", \.p50), ("p95", \.p95)] {
            rows.append(row("final equity \(name)", { Fmt.money0($0.finalEquity[keyPath: pick]) }))
        }
        for (name, pick) in [("p5", \PathSimulationResult.Percentiles.p5), ("p50", \.p50), ("p95", \.p95)] {
            rows.append(row("max drawdown \(name)", { Fmt.percent($0.maxDrawdown[keyPath: pick]) },
                            spx: Fmt.percent(m.spxDrawdown[keyPath: pick])))
        }
        rows.append(row("P(drawdown > 20%)", { Fmt.percent($0.pDrawdownOver20) }))
        rows.append(row("P(drawdown > 50%)", { Fmt.percent($0.pDrawdownOver50) }))
        rows.append(row("win rate", { RunText.optionalPercent($0.winRate) }))
        rows.append(row("P(cycle fails)", { RunText.optionalPercent($0.pCycleFails) }))
        rows.append(row("trades", { grouped($0.trades) }))
        rows.append(row("mean P&L a trade", { s in
            s.meanPnlPerTrade.map { Fmt.pnl($0) + " ± " + Fmt.money(s.standardError ?? 0) } ?? "—"
        }))
        let header = runs.count > 1 ? ["", "the method", "flat", "no hedges", "neither", "SPX held"] : ["", "the method"]
        text += Table(header: header, rows: rows, alignment: [.left] + Array(repeating: .right, count: header.count - 1)).render()
        text += "\npercentiles over paths; win rate and P(cycle fails) pool every path's trades and cycles;"
            + " ± is one standard error; p25 and p75 are in the JSON"
        if m.main.trades == 0 {
            text += "\nno condor could be sized on any path: " + (m.main.unsizedReason ?? "the budget buys nothing")
        } else if m.main.unsizedDays > 0, let why = m.main.unsizedReason {
            text += "\n\(grouped(m.main.unsizedDays)) entry days could not be sized (first: \(why))"
        }
        return text
    }

    static func percentilesJSON(_ p: PathSimulationResult.Percentiles) -> JSONValue {
        .object(p.all.map { ($0.0, .num($0.1)) })
    }

    static func yearsJSON(_ m: PathSimulationResult) -> [(String, JSONValue)] {
        let s = m.simulation
        func compare(_ x: PathSimulationResult.Summary?) -> JSONValue {
            guard let x else { return .null }
            return .object([("cagr", .num(x.cagr.p50)), ("maxDrawdownPct", .num(x.maxDrawdown.p50)),
                            ("finalEquity", .num(x.finalEquity.p50))])
        }
        let main = m.main
        return [
            ("years", .int(s.years)), ("paths", .int(m.paths)), ("seed", .int(Int(s.seed))),
            ("startEquity", .num(s.settings.startEquity)), ("tradingDays", .int(s.daysPerPath)),
            ("percentiles", .object([
                ("cagr", percentilesJSON(main.cagr)), ("finalEquity", percentilesJSON(main.finalEquity)),
                ("maxDrawdown", percentilesJSON(main.maxDrawdown)),
            ])),
            ("pDrawdownOver20", .num(main.pDrawdownOver20)), ("pDrawdownOver50", .num(main.pDrawdownOver50)),
            ("winRate", RunText.optional(main.winRate)), ("pCycleFails", RunText.optional(main.pCycleFails)),
            ("trades", .int(main.trades)), ("meanPnlPerTrade", RunText.optional(main.meanPnlPerTrade)),
            ("standardError", RunText.optional(main.standardError)),
            ("compare", .object([
                ("flat", compare(m.flat)), ("noHedges", compare(m.noHedges)), ("neither", compare(m.neither)),
                ("spxHeld", .object([("cagr", .num(m.spxCagr.p50)), ("maxDrawdownPct", .num(m.spxDrawdown.p50))])),
            ])),
        ]
    }
}
