@testable import HedgebookModel
import PropertyBased
import Testing

/// Short strikes by delta (METHOD §4): the bisection equals brute force over the chain.
@Suite("StrikeSearch")
struct StrikeSearchTests {
    /// Brute force over every listed strike, the way the method states the rule.
    static func bruteForce(_ kind: OptionKind, _ pricing: IndexPricing, delta: Double) -> Double? {
        guard let range = StrikeSearch.listedIndices(kind, underlying: pricing.underlying, level: pricing.level) else { return nil }
        var best: (strike: Double, distance: Double)? = nil
        for i in range {
            let k = Double(i) * pricing.underlying.strikeStep
            let d = abs(abs(pricing.delta(kind, strike: k)) - delta)
            if let b = best, d > b.distance || (d == b.distance && kind == .put) { continue }
            best = (k, d)
        }
        return best?.strike
    }

    @Test("short strikes equal scipy's brute force", arguments: PricingReference.condors)
    func reference(_ c: PricingReference.CondorCase) throws {
        let pricing = IndexPricing(market: c.market, underlying: c.underlying, dte: c.dte)
        #expect(try StrikeSearch.shortPut(pricing, delta: c.delta) == c.shortPut)
        #expect(try StrikeSearch.shortCall(pricing, delta: c.delta) == c.shortCall)
    }

    @Test("bisection equals brute force, steep skews and long expiries included")
    func matchesBruteForce() async throws {
        await propertyCheck(
            count: 200, input: Gen.double(in: 100...9000), Gen.double(in: 5...120), Gen.double(in: -50...50),
            Gen.int(in: 1...3650), Gen.double(in: 0.005...0.495), Gen.bool
        ) { spx, vix, skew, dte, delta, xsp in
            var market = Market()
            market.spx = spx
            market.vix = vix
            market.skew = skew
            let pricing = IndexPricing(market: market, underlying: xsp ? .xsp : .spx, dte: dte)
            let put = try StrikeSearch.shortPut(pricing, delta: delta)
            let call = try StrikeSearch.shortCall(pricing, delta: delta)
            #expect(put == Self.bruteForce(.put, pricing, delta: delta))
            #expect(call == Self.bruteForce(.call, pricing, delta: delta))
        }
    }

    @Test("short put strictly below spot, short call strictly above, on the strike grid")
    func sides() throws {
        var market = Market()
        market.spx = 6000  // spot is itself a listed strike and must be skipped
        for underlying in [Underlying.spx, .xsp] {
            let pricing = IndexPricing(market: market, underlying: underlying, dte: 30)
            // Every put below spot has |delta| < 0.49, so the nearest one below wins.
            #expect(try StrikeSearch.shortPut(pricing, delta: 0.499) == pricing.level - underlying.strikeStep)
            for delta in [0.499, 0.3, 0.05] {
                let put = try StrikeSearch.shortPut(pricing, delta: delta)
                let call = try StrikeSearch.shortCall(pricing, delta: delta)
                #expect(put < pricing.level && call > pricing.level)
                #expect((put / underlying.strikeStep).rounded() == put / underlying.strikeStep)
                #expect((call / underlying.strikeStep).rounded() == call / underlying.strikeStep)
            }
        }
    }

    @Test("ties go to the lower strike for puts and the higher for calls")
    func ties() {
        // f(i) = i/4 is exact in binary; 0.625 sits exactly between indices 2 and 3.
        var best: (index: Int, distance: Double)? = nil
        StrikeSearch.nearest(1...10, increasing: true, target: 0.625, { Double($0) / 4 }, &best, preferHigher: false)
        #expect(best?.index == 2)
        best = nil
        StrikeSearch.nearest(1...10, increasing: true, target: 0.625, { Double($0) / 4 }, &best, preferHigher: true)
        #expect(best?.index == 3)
    }

    @Test("the listed chain: multiples of the step from one step up to 3·S (METHOD §12 item 5)")
    func chain() {
        #expect(StrikeSearch.listedIndices(.put, underlying: .spx, level: 6000) == 1...1199)
        #expect(StrikeSearch.listedIndices(.call, underlying: .spx, level: 6000) == 1201...3600)
        #expect(StrikeSearch.listedIndices(.put, underlying: .xsp, level: 600.35) == 1...600)
        #expect(StrikeSearch.listedIndices(.call, underlying: .xsp, level: 600.35) == 601...1801)  // 3 × 600.35 = 1801.05
        #expect(StrikeSearch.listedIndices(.put, underlying: .spx, level: 4) == nil)
    }

    @Test("delta outside (0, 50) and a level with no strike below are typed errors", arguments: [0.0, -0.1, 0.5, 0.7, .nan])
    func badDelta(_ delta: Double) {
        let pricing = IndexPricing(market: Market(), underlying: .spx, dte: 45)
        #expect(throws: ModelError.self) { _ = try StrikeSearch.shortPut(pricing, delta: delta) }
        #expect(throws: ModelError.self) { _ = try StrikeSearch.shortCall(pricing, delta: delta) }
    }

    @Test("no listed strike below a tiny level")
    func noStrike() {
        var market = Market()
        market.spx = 3
        #expect(throws: ModelError.noStrike("no listed SPX strike below 3")) {
            _ = try StrikeSearch.shortPut(IndexPricing(market: market, underlying: .spx, dte: 45), delta: 0.16)
        }
    }
}
