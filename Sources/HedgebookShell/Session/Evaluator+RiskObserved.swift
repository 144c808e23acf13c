import HedgebookModel
import Synchronization

/// What the engine observes of the session's condor on simulated paths, for `risk` without a win
/// rate (METHOD §12 item 19): §10's default market, 10 years × 500 paths, seed 1, the session's
/// condor, sizing, stops and fills, hedging off. Computed once per settings and kept.
struct ObservedRisk: Sendable {
    var summary: PathSimulationResult.Summary
    var paths: Int
    var years: Int
    var seed: UInt64

    static let years = 10
    static let paths = 500
    static let seed: UInt64 = 1

    private static let cache = Mutex<[(key: Key, value: ObservedRisk)]>([])

    struct Key: Equatable, Sendable {
        var settings: PathSettings
        var start: PathDay
        var vvix: Double
    }

    /// The observation for `state`, from the cache when the same settings were seen before.
    static func of(_ state: SessionState) throws(CommandFailure) -> ObservedRisk {
        var settings = Evaluator.pathSettings(state)
        settings.trade.hedging = false
        let market = try Evaluator.simulatedMarket(state, PathMarketSettings())
        let key = Key(settings: settings, start: market.start, vvix: market.vvix)
        if let hit = cache.withLock({ $0.first { $0.key == key }?.value }) { return hit }
        let sim: PathSimulation
        do {
            sim = try PathSimulation(market: market, settings: settings, years: years, paths: paths, seed: seed,
                                     comparisons: false)
        } catch { throw .command(error.message) }
        let result = sim.run()
        let observed = ObservedRisk(summary: result.main, paths: result.paths, years: years, seed: seed)
        cache.withLock {
            if $0.count >= 16 { $0.removeFirst() }
            $0.append((key, observed))
        }
        return observed
    }
}

extension Evaluator {
    /// `risk` without a win rate: the observed win rate, average win and loss, P(cycle fails), mean
    /// result per cycle and worst cycle, and where they came from.
    static func observedRiskReport(_ state: SessionState) throws(CommandFailure) -> Report {
        _ = try budgetOrFail(state)
        let condor = try buildCondor(state).condor
        let sizings = try stepSizings(state, condor)
        let atStops = sizings.reduce(0) { $0 + $1.1.totalRisk }, atMaxLoss = sizings.reduce(0) { $0 + $1.1.totalGapRisk }
        let o = try ObservedRisk.of(state)
        let s = o.summary
        let source = "simulated: the condor's life on \(grouped(o.paths)) paths × \(o.years) years of the §10 default market,"
            + " seed \(o.seed), hedging off"
        guard let winRate = s.winRate else {
            let why = s.unsizedReason ?? "no condor closed with a win or a loss"
            throw CommandFailure.command(
                "the engine observed no trade to take a win rate from: \(why)",
                hint: "`risk winrate P%` does the arithmetic with a win rate you give")
        }
        let rows: [[String]] = [
            ["win rate", Fmt.percent(winRate)],
            ["average win", RunText.optionalMoney(s.averageWin)],
            ["average loss", RunText.optionalMoney(s.averageLoss)],
            ["P(a cycle fails)", RunText.optionalPercent(s.pCycleFails)],
            ["mean result per cycle", s.meanCyclePnl.map { Fmt.pnl($0) } ?? "—"],
            ["worst cycle", s.worstCycle.map { Fmt.pnl($0) } ?? "—"],
            ["trades · cycles", grouped(s.trades) + " · " + grouped(s.cycles)],
        ]
        let planned = "this cycle's plan, every step lost: \(Fmt.money(atStops)) at the stops, \(Fmt.money(atMaxLoss)) at max loss"
            + " (a gap through every stop)"
        var text = "win rate \(Fmt.percent(winRate)) (\(source))"
            + " · \(state.sizing.steps) steps · reset \(state.sizing.reset.rawValue)\n"
        text += Table(header: ["", "observed"], rows: rows, alignment: [.left, .right]).render()
        text += "\n" + planned
        text += "\nresults are net of fees and slippage, each trade sized from its own equity;"
            + " `risk winrate P%` does the exact arithmetic of §5 at a win rate you give"
        return Report(text: text, result: [
            ("winRate", .num(winRate)), ("winRateFrom", .string("simulated")),
            ("averageWin", RunText.optional(s.averageWin)), ("averageLoss", RunText.optional(s.averageLoss)),
            ("pCycleFails", RunText.optional(s.pCycleFails)), ("evPerCycle", RunText.optional(s.meanCyclePnl)),
            ("worstCycle", RunText.optional(s.worstCycle)), ("worstAtStops", .num(atStops)),
            ("worstAtMaxLoss", .num(atMaxLoss)), ("trades", .int(s.trades)), ("cycles", .int(s.cycles)),
            ("paths", .int(o.paths)), ("years", .int(o.years)), ("seed", .int(Int(o.seed))),
        ])
    }
}
