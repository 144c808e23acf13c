import HedgebookModel
import Testing

@Suite("MonteCarlo: the progression played many times, against probability theory")
struct MonteCarloTests {
    /// Credit $200, max loss $2,300 (a 25-point wing); default stops 90/90/65/65 → losses
    /// $180, $180, $130, $130 per contract. At $100,000: budgets $1,000, $1,800, $2,880, $4,608
    /// buy 5, 10, 22 and 35 contracts. The cap is set to 100 % so that it holds
    /// floor(100,000 / 2,300) = 43 max losses and never binds: these tests are about the progression.
    static let credit = 200.0, maxLoss = 2_300.0

    static func settings(_ rule: ResetRule, steps: Int = 4) -> SizingSettings {
        var s = SizingSettings()
        s.reset = rule
        s.steps = steps
        s.cap = 1
        return s
    }

    static func config(
        _ rule: ResetRule, p: Double = 0.7, cycles: Int = 500, paths: Int = 200, seed: UInt64 = 7,
        resize: Bool = true, steps: Int = 4
    ) throws -> MonteCarloConfig {
        try MonteCarloConfig(
            horizon: .cycles(cycles), paths: paths, seed: seed, winRate: p, startEquity: 100_000,
            settings: settings(rule, steps: steps), credit: credit, maxLoss: maxLoss, resize: resize)
    }

    @Test("SplitMix64 and xoshiro256** reproduce their published reference outputs")
    func generators() {
        var sm = SplitMix64(seed: 1_234_567)
        #expect([sm.next(), sm.next(), sm.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
        var x = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect([x.next(), x.next(), x.next(), x.next()] == [11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    @Test("Rule win: P(cycle fails) = q^K and E[cycle] = Σ q^(k−1) c_k (pW − qL_k), within 5 standard errors",
          arguments: [0.55, 0.7, 0.85])
    func ruleWinClosedForm(p: Double) throws {
        let r = MonteCarlo.run(try Self.config(.win, p: p, resize: false))
        let q = 1 - p
        let qK = q * q * q * q
        #expect(abs(r.progression.pCycleFails - qK) <= 5 * r.progression.pCycleFailsStandardError)
        // Worked by hand with c = 5, 10, 22, 35 and L = 180, 180, 130, 130:
        let c = [5.0, 10, 22, 35], l = [180.0, 180, 130, 130]
        var ev = 0.0, reach = 1.0
        for k in 0..<4 {
            ev += reach * c[k] * (p * Self.credit - q * l[k])
            reach *= q
        }
        #expect(abs(r.progression.evPerCycle - ev) <= 5 * r.progression.evPerCycleStandardError)
        #expect(r.progression.cycles == 200 * 500 && !r.cancelled)
    }

    @Test("Rule recover: P(cycle fails) and E[cycle P&L] agree with the exact chain of ProgressionRisk",
          arguments: [0.6, 0.75])
    func ruleRecoverChain(p: Double) throws {
        let s = Self.settings(.recover)
        let r = MonteCarlo.run(try Self.config(.recover, p: p, resize: false))
        let exact = try ProgressionRisk(
            settings: s, winRate: p, winPerContract: Self.credit,
            lossPerContract: ProgressionRisk.lossPerContract(credit: Self.credit, maxLoss: Self.maxLoss, settings: s),
            contracts: [5, 10, 22, 35])
        #expect(abs(r.progression.pCycleFails - exact.pCycleFails) <= 5 * r.progression.pCycleFailsStandardError)
        #expect(abs(r.progression.evPerCycle - exact.expectedCyclePnL) <= 5 * r.progression.evPerCycleStandardError)
    }

    @Test("Compounding (contracts from the budget every trade) keeps P(cycle fails) = q^K under rule win")
    func compoundingRuleWin() throws {
        let r = MonteCarlo.run(try Self.config(.win, p: 0.7, cycles: 300))
        #expect(abs(r.progression.pCycleFails - 0.0081) <= 5 * r.progression.pCycleFailsStandardError)
        // Flat sizing: every trade is a cycle, which fails with probability q.
        #expect(r.flat.cycles == r.flat.trades)
        #expect(abs(r.flat.pCycleFails - 0.3) <= 5 * r.flat.pCycleFailsStandardError)
    }

    @Test("The same seed gives the same result; another seed another; a path is the same in any run")
    func determinism() throws {
        let a = MonteCarlo.run(try Self.config(.recover, cycles: 200, paths: 9, seed: 42))
        let b = MonteCarlo.run(try Self.config(.recover, cycles: 200, paths: 9, seed: 42))
        let c = MonteCarlo.run(try Self.config(.recover, cycles: 200, paths: 9, seed: 43))
        #expect(a == b)
        #expect(a.progression.finalEquity != c.progression.finalEquity)
        // Path 0 played alone (one thread) equals path 0 of the nine (two threads, other partition).
        let alone = MonteCarlo.run(try Self.config(.recover, cycles: 200, paths: 1, seed: 42))
        #expect(alone.progressionPaths[0] == a.progressionPaths[0] && alone.flatPaths[0] == a.flatPaths[0])
    }

    @Test("With one step the progression is flat sizing: both play the same draws")
    func sharedDraws() throws {
        let r = MonteCarlo.run(try Self.config(.recover, cycles: 300, paths: 6, steps: 1))
        #expect(r.progressionPaths == r.flatPaths)
        let multi = MonteCarlo.run(try Self.config(.recover, cycles: 300, paths: 6))
        #expect(multi.progressionPaths.map(\.trades) == multi.flatPaths.map(\.trades))
    }

    @Test("A stop request ends the run early and says so")
    func cancellation() throws {
        var calls = 0
        let r = MonteCarlo.run(try Self.config(.recover, cycles: 200_000, paths: 4)) { _ in
            calls += 1
            return true
        }
        #expect(r.cancelled && r.pathsPlayed < 4 && r.fractionDone < 1 && calls >= 1)
    }

    @Test("Percentiles interpolate between order statistics like numpy")
    func percentiles() {
        // numpy.percentile([1, 2, 3, 4, 10], [5, 25, 50, 75, 95]) = [1.2, 2, 3, 4, 8.8]
        let v = Percentiles([10, 3, 1, 4, 2]).values
        let expected = [1.2, 2, 3, 4, 8.8]
        #expect(zip(v, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }
}
