import HedgebookModel
import Testing

@Suite("Sizing: risk budget and contracts (METHOD §5)")
struct SizingTests {
    let defaults = SizingSettings()

    @Test("The budget is uncapped; the cap on capital at risk limits the contracts and says so")
    func capBinds() throws {
        var s = defaults
        s.base = 0.05
        let b = try RiskBudget(step: 4, base: 5_000, equity: 100_000, settings: s)
        #expect(sizingClose(b.amount, 5_000 * 1.8 * 1.6 * 1.6))  // $23,040, not cut to the cap
        #expect(b.capAmount == 10_000)
        // Stop 65% × $435 = $282.75: the budget buys floor(23,040 / 282.75) = 81;
        // the cap holds floor(10,000 / 4,565) = 2 max losses.
        let r = try SizingResult(budget: b, credit: 435, maxLoss: 4_565, settings: s)
        #expect(r.budgetContracts == 81 && r.capContracts == 2 && r.contracts == 2 && r.capBinds)
        #expect(r.explanation.note == "the cap binds: the budget alone would buy 81; this is the steward's rule")
        let free = try RiskBudget(step: 2, base: 1_000, equity: 100_000, settings: defaults)
        let f = try SizingResult(budget: free, credit: 435, maxLoss: 4_565, settings: defaults)
        // $1,800 / $391.50 = 4.6 → 4; $10,000 / $4,565 = 2.19 → 2: the cap binds even at step 2.
        #expect(free.amount == 1_800 && f.budgetContracts == 4 && f.contracts == 2 && f.capBinds)
        let narrow = try SizingResult(budget: free, credit: 50, maxLoss: 450, settings: defaults)
        // $1,800 / $45 = 40; $10,000 / $450 = 22.2 → 22.
        #expect(narrow.contracts == 22 && narrow.capBinds)
        var half = defaults
        half.cap = 0.5
        let wideBudget = try RiskBudget(step: 2, base: 1_000, equity: 100_000, settings: half)
        let small = try SizingResult(budget: wideBudget, credit: 435, maxLoss: 4_565, settings: half)
        #expect(small.contracts == 4 && !small.capBinds)  // the cap holds floor(50,000 / 4,565) = 10
    }

    @Test("The cap follows current equity, not the cycle's start")
    func capOnCurrentEquity() throws {
        var s = defaults
        s.base = 0.08
        var m = try MartingaleState(account: 100_000, settings: s)
        _ = try m.apply(.loss(20_000), settings: s)
        let b = try m.riskBudget(settings: s)
        #expect(b.capAmount == 8_000 && sizingClose(b.amount, 8_000 * 1.8))  // 10% of $80,000; budget 8,000 × 1.8
    }

    @Test("A credit as filled at or below zero sizes zero, and says why")
    func noCredit() throws {
        let b = try RiskBudget(step: 1, base: 1_000, equity: 100_000, settings: defaults)
        let r = try SizingResult(budget: b, credit: -3, maxLoss: 503, settings: defaults)
        #expect(r.contracts == 0 && r.finding?.contains("credit as filled") == true)
    }

    @Test("Stops set: risk per contract is stop × credit; the gap risk is the max loss")
    func stopsSet() throws {
        let b = try RiskBudget(step: 1, base: 1_000, equity: 100_000, settings: defaults)
        let r = try SizingResult(budget: b, credit: 435, maxLoss: 4_565, settings: defaults)
        #expect(sizingClose(r.riskPerContract, 391.5))
        #expect(r.contracts == 2)  // floor(1,000 / 391.5) = 2; the cap holds floor(10,000 / 4,565) = 2
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
        #expect(r.totalRisk <= b.amount * (1 + 1e-9))
    }

    @Test("Bad sizing inputs are typed errors", arguments: [0.0, -1, .nan, .infinity])
    func badInputs(x: Double) throws {
        let b = try RiskBudget(step: 1, base: 1_000, equity: 100_000, settings: defaults)
        if !x.isFinite {  // a credit at or below zero is a finding (zero contracts), not an error
            #expect(throws: ModelError.self) { _ = try SizingResult(budget: b, credit: x, maxLoss: 100, settings: defaults) }
        }
        #expect(throws: ModelError.self) { _ = try SizingResult(budget: b, credit: 100, maxLoss: x, settings: defaults) }
        #expect(throws: ModelError.self) { _ = try RiskBudget(step: 1, base: x, equity: 100_000, settings: defaults) }
        #expect(throws: ModelError.self) { _ = try RiskBudget(step: 1, base: 1_000, equity: x, settings: defaults) }
        #expect(throws: ModelError.self) { _ = try RiskBudget(step: 5, base: 1_000, equity: 100_000, settings: defaults) }
    }
}

@Suite("A realised loss is never refused (METHOD §12 item 16)")
struct RealisedLossTests {
    @Test("A loss past the equity is booked; nothing can be sized until a deposit, and the error says so")
    func equityAtOrBelowZero() throws {
        let s = SizingSettings()
        var m = try MartingaleState(account: 10_000, settings: s)
        let t = m.record(result: -10_250, equityChange: -10_250, settings: s)
        #expect(t != nil && m.equity == -250 && m.step == 2)
        #expect(throws: ModelError.self) { _ = try m.riskBudget(settings: s) }
        do { _ = try m.riskBudget(settings: s) } catch { #expect(error.message.contains("nothing can be sized")) }
        _ = try m.apply(.deposit(1_250), settings: s)
        let budget = try m.riskBudget(settings: s)
        #expect(m.equity == 1_000 && budget.capAmount == 100)
    }
}
