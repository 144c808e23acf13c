import HedgebookModel
import Testing

/// Reference numbers from scripts/reference/sizing_reference.py (scipy Black-76).
enum HedgeReference {
    static let future = [18.5603787513, 18.9637453301, 19.4630881296]
    static let volatility = [0.9000000000, 0.7061256881, 0.5540149860]
    static let strikes: [(Double, Double?)] = [(21, 31), (21, 31), (25, nil)]
    static let cost = [98.0112756164, 126.8697999465, 84.2593924438]
}

@Suite("Hedge: ALVH 4/4/2 layers (METHOD §6)")
struct HedgeTests {
    let sizing = SizingSettings()
    let hedge = HedgeSettings()

    @Test("Default market: futures, strikes and cost per contract against scipy")
    func prices() throws {
        let plan = try HedgePlan(market: Market(), equity: 100_000, step: 1, sizing: sizing, hedge: hedge)
        for (i, layer) in plan.layers.enumerated() {
            #expect(sizingClose(layer.future, HedgeReference.future[i], 1e-9))
            #expect(sizingClose(layer.volatility, HedgeReference.volatility[i], 1e-9))
            #expect(layer.longStrike == HedgeReference.strikes[i].0)
            #expect(layer.shortStrike == HedgeReference.strikes[i].1)
            #expect(sizingClose(layer.costPerContract, HedgeReference.cost[i], 1e-7))
        }
        #expect(plan.layer(.l1).instrument == "VIX 21/31 call spread, 30 DTE")
        #expect(plan.layer(.l3).instrument == "VIX 25 call, 120 DTE")
    }

    @Test("$100k at step 1: 8/8/4, the scale rule binds")
    func hundredThousand() throws {
        let plan = try HedgePlan(market: Market(), equity: 100_000, step: 1, sizing: sizing, hedge: hedge)
        #expect(plan.contractsPerUnit == 2)
        #expect(plan.layers.map(\.contracts) == [8, 8, 4])
        #expect(plan.layers.map(\.budgetLimit) == [12, 9, 4])
        #expect(plan.layers.map(\.capLimit) == [102, 78, 118])
        #expect(plan.layers.map(\.boundBy) == [.scale, .scale, .scale])  // L3: a tie, 4 = 4, goes to scale
        #expect(plan.layer(.l1).explanation.note == "8 contracts: scale rule 4 units × 2 per unit; "
            + "the 1.2% budget would allow 12; the 10% cap would allow 102")
        #expect(sizingClose(plan.totalPremium, 8 * 98.0112756164 + 8 * 126.8697999465 + 4 * 84.2593924438, 1e-5))
    }

    @Test("$2M at step 1: the sources' 160 per 4-unit layer")
    func twoMillion() throws {
        let plan = try HedgePlan(market: Market(), equity: 2_000_000, step: 1, sizing: sizing, hedge: hedge)
        #expect(plan.layers.map(\.contracts) == [160, 160, 80])
        #expect(plan.layers.map(\.budgetLimit) == [244, 189, 94])
        #expect(plan.layers.map(\.boundBy) == [.scale, .scale, .scale])
    }

    @Test("$100k at step 4: the hedge grows with the uncapped budget ratio until the budget binds")
    func deepStep() throws {
        let plan = try HedgePlan(market: Market(), equity: 100_000, step: 4, sizing: sizing, hedge: hedge)
        #expect(sizingClose(plan.contractsPerUnit, 2 * 1.8 * 1.6 * 1.6))
        #expect(plan.layers.map(\.scaleLimit) == [36, 36, 18])
        #expect(plan.layers.map(\.contracts) == [12, 9, 4])
        #expect(plan.layers.map(\.boundBy) == [.budget, .budget, .budget])
        #expect(plan.layer(.l1).explanation.note?.hasPrefix("12 contracts: the 1.2% budget at $98.01 each") == true)
    }

    @Test("The per-layer cap binds when it is the smallest limit")
    func capBinds() throws {
        var s = sizing
        s.cap = 0.005
        let plan = try HedgePlan(market: Market(), equity: 100_000, step: 1, sizing: s, hedge: hedge)
        #expect(plan.layer(.l1).contracts == 5 && plan.layer(.l1).boundBy == .cap)
    }

    @Test("The gross cap binds in layer order: later layers are reduced first")
    func grossCap() throws {
        var h = hedge
        h.grossCap = 0.015
        let plan = try HedgePlan(market: Market(), equity: 100_000, step: 1, sizing: sizing, hedge: h)
        #expect(plan.layers.map(\.contracts) == [8, 5, 0])
        #expect(plan.layers.map(\.boundBy) == [.scale, .grossCap, .grossCap])
        #expect(plan.totalPremium <= plan.grossCapAmount)
        #expect(plan.explanation.note?.contains("gross cap binds") == true)
    }

    @Test("Bad hedge inputs are typed errors", arguments: [0.0, -1, .nan, .infinity])
    func badInputs(x: Double) {
        #expect(throws: ModelError.self) {
            _ = try HedgePlan(market: Market(), equity: x, step: 1, sizing: sizing, hedge: hedge)
        }
        var m = Market()
        m.vix = x
        #expect(throws: ModelError.self) {
            _ = try HedgePlan(market: m, equity: 100_000, step: 1, sizing: sizing, hedge: hedge)
        }
        #expect(throws: ModelError.self) { _ = try HedgeCostRatio.ratio(premium: x == 0 ? -1 : x, credit: 100) }
    }

    @Test("Hedge cost / credit, and undefined without credit")
    func costRatio() throws {
        #expect(try HedgeCostRatio.ratio(premium: 300, credit: 1_200).value == 0.25)
        let none = try HedgeCostRatio.ratio(premium: 300, credit: 0)
        #expect(none.value == nil && none.explanation.note?.contains("undefined") == true)
    }
}
