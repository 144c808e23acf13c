import Testing

@testable import HedgebookModel

@Suite struct SizingAlternativesTests {
    /// $100k at step 1 with the defaults: the SPX condor's stop risk (90% × $1,441.15 = $1,297.04)
    /// exceeds the $1,000 budget, so the finding lists what XSP and narrower wings would buy.
    @Test func zeroContractsListsXSPFirstThenNarrowerWings() throws {
        let market = Market()
        let sizing = SizingSettings()
        let budget = try RiskBudget(step: 1, base: 1000, equity: 100_000, settings: sizing)
        let spx = try IronCondor.build(market: market, settings: CondorSettings())
        #expect(try SizingResult(budget: budget, credit: spx.credit, maxLoss: spx.maxLoss, settings: sizing).contracts == 0)

        let alternatives = SizingAlternative.alternatives(
            market: market, condor: CondorSettings(), budget: budget, sizing: sizing)
        #expect(alternatives.map(\.label) == ["XSP, 5-point wings", "SPX, 25-point wings", "SPX, 10-point wings", "SPX, 5-point wings"])
        for a in alternatives {
            // Each is sized by the rule: floor(budget / (stop × credit)), with stop 90% at step 1.
            let risk = min(0.9 * a.credit, a.maxLoss)
            #expect(abs(a.sizing.riskPerContract - risk) < 1e-9)
            #expect(a.sizing.contracts == Int((1000 / risk).rounded(.down)))
            #expect(a.sizing.contracts >= 1)
        }
        // Narrower wings risk less per contract.
        let spxWidths = alternatives.dropFirst().map(\.maxLoss)
        #expect(spxWidths == spxWidths.sorted(by: >))
    }

    @Test func xspOffersOnlyNarrowerWingsOnItsGrid() {
        var condor = CondorSettings()
        condor.underlying = .xsp
        let budget = try! RiskBudget(step: 1, base: 10, equity: 1000, settings: SizingSettings())
        let labels = SizingAlternative.alternatives(market: Market(), condor: condor, budget: budget, sizing: SizingSettings()).map(\.label)
        #expect(labels.isEmpty, "XSP's default wing is 5 points: nothing narrower in the list")
    }
}
