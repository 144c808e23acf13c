import HedgebookModel
import Testing

@Suite("Sizing: risk budget and contracts (METHOD §5)")
struct SizingTests {
    let defaults = SizingSettings()

    @Test("The cap binds at a deep step and says so")
    func capBinds() throws {
        var s = defaults
        s.base = 0.05
        let b = try RiskBudget(step: 4, base: 5_000, equity: 100_000, settings: s)
        #expect(sizingClose(b.uncapped, 5_000 * 1.8 * 1.6 * 1.6))
        #expect(b.amount == 10_000)
        #expect(b.capBinds)
        #expect(b.explanation.note == "the 10% cap binds: this is the steward's rule")
        let free = try RiskBudget(step: 2, base: 1_000, equity: 100_000, settings: defaults)
        #expect(!free.capBinds && free.explanation.note == nil && free.amount == 1_800)
    }

    @Test("The cap follows current equity, not the cycle's start")
    func capOnCurrentEquity() throws {
        var s = defaults
        s.base = 0.08
        var m = try MartingaleState(account: 100_000, settings: s)
        _ = try m.apply(.loss(20_000), settings: s)
        let b = try m.riskBudget(settings: s)
        #expect(b.capBinds && b.amount == 8_000)  // 10% of $80,000, not 8,000 × 1.8
    }

    @Test("Stops set: risk per contract is stop × credit; the gap risk is the max loss")
    func stopsSet() throws {
        let b = try RiskBudget(step: 1, base: 1_000, equity: 100_000, settings: defaults)
        let r = try SizingResult(budget: b, credit: 435, maxLoss: 4_565, settings: defaults)
        #expect(sizingClose(r.riskPerContract, 391.5))
        #expect(r.contracts == 2)
        #expect(r.gapRiskPerContract == 4_565)
        #expect(sizingClose(r.totalGapRisk, 9_130))
        #expect(r.finding == nil && !r.cannotBuyOne)
        let step3 = try RiskBudget(step: 3, base: 1_000, equity: 100_000, settings: defaults)
        #expect(sizingClose(try SizingResult(budget: step3, credit: 435, maxLoss: 4_565, settings: defaults).riskPerContract, 282.75))
    }

    @Test("Stops none: risk per contract is the max loss; zero contracts is a finding")
    func stopsNone() throws {
        var s = defaults
        s.stops = nil
        let b = try RiskBudget(step: 1, base: 1_000, equity: 100_000, settings: s)
        let r = try SizingResult(budget: b, credit: 435, maxLoss: 4_565, settings: s)
        #expect(r.riskPerContract == 4_565 && r.stop == nil)
        #expect(r.contracts == 0 && r.cannotBuyOne)
        #expect(r.finding?.contains("cannot buy one contract") == true)
        #expect(r.finding?.contains("XSP") == true)
        #expect(r.explanation.value == 0)
    }

    @Test("A stop beyond the max loss risks only the max loss")
    func stopBeyondMaxLoss() throws {
        var s = defaults
        s.stops = [3]
        let b = try RiskBudget(step: 1, base: 1_000, equity: 100_000, settings: s)
        let r = try SizingResult(budget: b, credit: 200, maxLoss: 300, settings: s)
        #expect(r.riskPerContract == 300 && r.contracts == 3)
        #expect(r.riskPerContractExplanation.note != nil)
    }

    @Test("floor is exact: a budget equal to n contracts buys n", arguments: [(1_000.0, 250.0, 4), (0.3, 0.1, 3), (1_800, 391.5, 4), (99.99, 100, 0)])
    func exactFloor(budget: Double, per: Double, n: Int) throws {
        var s = defaults
        s.stops = nil
        let b = try RiskBudget(step: 1, base: budget, equity: 1e9, settings: s)
        let r = try SizingResult(budget: b, credit: 1, maxLoss: per, settings: s)
        #expect(r.contracts == n)
        #expect(r.totalRisk <= b.amount * (1 + 1e-12))
    }

    @Test("Bad sizing inputs are typed errors", arguments: [0.0, -1, .nan, .infinity])
    func badInputs(x: Double) throws {
        let b = try RiskBudget(step: 1, base: 1_000, equity: 100_000, settings: defaults)
        #expect(throws: ModelError.self) { _ = try SizingResult(budget: b, credit: x, maxLoss: 100, settings: defaults) }
        #expect(throws: ModelError.self) { _ = try SizingResult(budget: b, credit: 100, maxLoss: x, settings: defaults) }
        #expect(throws: ModelError.self) { _ = try RiskBudget(step: 1, base: x, equity: 100_000, settings: defaults) }
        #expect(throws: ModelError.self) { _ = try RiskBudget(step: 1, base: 1_000, equity: x, settings: defaults) }
        #expect(throws: ModelError.self) { _ = try RiskBudget(step: 5, base: 1_000, equity: 100_000, settings: defaults) }
    }
}
