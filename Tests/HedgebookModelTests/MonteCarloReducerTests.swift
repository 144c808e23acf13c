import HedgebookModel
import Testing

@Suite("MonteCarlo: the fast loop against the MartingaleState reducer")
struct MonteCarloReducerTests {
    /// Plays path `index` of `config` with the real reducer on the same draws.
    static func reducerPath(_ index: Int, _ config: MonteCarloConfig, settings: SizingSettings,
                            credit: Double, maxLoss: Double) throws -> PathOutcome? {
        var rng = Xoshiro256StarStar(seed: config.seed, stream: UInt64(index))
        var state = try MartingaleState(account: config.startEquity, settings: settings)
        var failed = 0, cycles = 0, trades = 0
        while cycles < config.horizon.count {
            let sizing = try state.size(credit: credit, maxLoss: maxLoss, settings: settings)
            let c = Double(sizing.contracts)
            let won = rng.nextUnit() < config.winRate
            guard c > 0 else { return nil }
            let event: AccountEvent = won ? .win(c * config.winPerContract)
                : .loss(c * config.lossPerContract[state.step - 1])
            let t = try state.apply(event, settings: settings)
            trades += 1
            if let ended = t.endedCycle {
                cycles += 1
                if ended.outcome == .exhausted { failed += 1 }
            }
        }
        var out = PathOutcome(equity: config.startEquity)
        out.finalEquity = state.equity
        out.cycles = cycles
        out.failedCycles = failed
        out.trades = trades
        return out
    }

    @Test("Equity, cycles, failures and trades match the reducer exactly, path by path",
          arguments: [ResetRule.recover, .win], [0.45, 0.7])
    func matchesReducer(rule: ResetRule, p: Double) throws {
        var s = SizingSettings()
        s.reset = rule
        s.cap = 0.3  // floor(30,000 / 4,800) = 6 max losses: the cap binds from step 2 and is exercised too
        let config = try MonteCarloConfig(
            horizon: .cycles(40), paths: 5, seed: 11, winRate: p, startEquity: 100_000,
            settings: s, credit: 200, maxLoss: 4_800)
        let r = MonteCarlo.run(config)
        for i in 0..<5 {
            let fast = r.progressionPaths[i]
            let slow = try #require(try Self.reducerPath(i, config, settings: s, credit: 200, maxLoss: 4_800))
            #expect(fast.finalEquity == slow.finalEquity)
            #expect(fast.cycles == slow.cycles && fast.failedCycles == slow.failedCycles && fast.trades == slow.trades)
            // Flat sizing is the reducer with one step, on the same draws and as many trades.
            let flat = try Self.flatPath(i, config, trades: fast.trades)
            #expect(r.flatPaths[i].finalEquity == flat)
        }
    }

    static func flatPath(_ index: Int, _ config: MonteCarloConfig, trades: Int) throws -> Double {
        var rng = Xoshiro256StarStar(seed: config.seed, stream: UInt64(index))
        let s = config.flatSettings
        var state = try MartingaleState(account: config.startEquity, settings: s)
        for _ in 0..<trades {
            let c = Double(try state.size(credit: 200, maxLoss: 4_800, settings: s).contracts)
            let won = rng.nextUnit() < config.winRate
            _ = try state.apply(won ? .win(c * config.winPerContract) : .loss(c * config.lossPerContract[0]), settings: s)
        }
        return state.equity
    }
}
