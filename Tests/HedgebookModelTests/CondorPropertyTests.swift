import HedgebookModel
import PropertyBased
import Testing

/// Laws of the condor over wide random markets and settings.
@Suite("Condor: properties")
struct CondorPropertyTests {
    static func build(
        spx: Double, vix: Double, skew: Double, rate: Double, dte: Int, delta: Double, steps: Int, xsp: Bool
    ) -> IronCondor? {
        var market = Market()
        market.spx = spx
        market.vix = vix
        market.skew = skew
        market.rate = rate
        var settings = CondorSettings()
        settings.underlying = xsp ? .xsp : .spx
        settings.dte = dte
        settings.delta = delta
        settings.width = Double(steps) * settings.underlying.strikeStep
        return try? IronCondor.build(market: market, settings: settings)
    }

    @Test("credit in (0, 100 × width); POP in [0, 1]; P(max loss) ≤ 1 − POP; nothing NaN")
    func laws() async {
        var built = 0
        await propertyCheck(
            count: 200, input: Gen.double(in: 1000...9000), Gen.double(in: 8...80), Gen.double(in: -8...8),
            Gen.double(in: 0...0.08), Gen.int(in: 1...400), Gen.double(in: 0.03...0.45), Gen.int(in: 1...20), Gen.bool
        ) { spx, vix, skew, rate, dte, delta, steps, xsp in
            // A few markets legitimately give no condor (credit ≤ 0 at 1 DTE, say); they throw.
            guard let c = Self.build(spx: spx, vix: vix, skew: skew, rate: rate, dte: dte, delta: delta, steps: steps, xsp: xsp)
            else { return }
            built += 1
            #expect(c.credit > 0 && c.credit < 100 * c.width)
            #expect(c.maxLoss > 0 && abs(c.maxLoss + c.credit - 100 * c.width) <= 1e-9 * 100 * c.width)
            #expect((0...1).contains(c.probabilityOfProfit))
            #expect((0...1).contains(c.probabilityOfMaxLoss))
            #expect(c.probabilityOfMaxLoss <= 1 - c.probabilityOfProfit + 1e-12)
            #expect((0...1).contains(c.touchShortPut) && (0...1).contains(c.touchShortCall))
            #expect(c.longPut < c.lowerBreakEven && c.lowerBreakEven < c.shortPut)
            #expect(c.shortCall < c.upperBreakEven && c.upperBreakEven < c.longCall)
            #expect(c.shortPut < c.spot && c.spot < c.shortCall)
            let all = [c.credit, c.maxLoss, c.returnOnRisk, c.greeks.delta, c.greeks.gamma, c.greeks.vega, c.greeks.theta]
            #expect(all.allSatisfy { $0.isFinite })
        }
        #expect(built >= 150)
    }

    @Test("touching a short strike is at least as likely as finishing beyond it")
    func touchDominatesExpiry() async {
        await propertyCheck(
            count: 200, input: Gen.double(in: 1000...9000), Gen.double(in: 8...80), Gen.int(in: 2...400), Gen.double(in: 0.03...0.45)
        ) { spx, vix, dte, delta in
            guard let c = Self.build(spx: spx, vix: vix, skew: 0, rate: 0.04, dte: dte, delta: delta, steps: 10, xsp: false)
            else { return }
            let expiry = IronCondor.ExpiryDistribution(pricing: c.pricing)
            let below = 1 - expiry.probabilityBetween(c.shortPut, .infinity)
            let above = 1 - expiry.probabilityBetween(0, c.shortCall)
            #expect(c.touchShortPut >= below - 1e-12)
            #expect(c.touchShortCall >= above - 1e-12)
        }
    }

    @Test("touch probabilities stay finite in the extremes (tiny σ, long T, q > r)",
          arguments: [(0.0001, 10.0), (0.001, 0.003), (5.0, 10.0), (0.3, 0.0027)])
    func touchExtremes(_ sigma: Double, _ years: Double) {
        for drift in [-0.3, 0, 0.3] {
            let d = IronCondor.ExpiryDistribution(spot: 100, drift: drift, volatility: sigma, years: years)
            for h in [50.0, 99.999, 100.001, 200] {
                let p = d.touchProbability(h)
                #expect(p.isFinite && (0...1).contains(p))
            }
        }
    }

    @Test("ln N(x) is finite and continuous where N(x) underflows")
    func logCdf() {
        #expect(abs(Normal.logCdf(-37.0000001) - Normal.logCdf(-36.9999999)) < 1e-4)
        #expect(Normal.logCdf(-1e6).isFinite)
        #expect(abs(Normal.logCdf(-2) - (-3.7831843336820317)) < 1e-12)
    }
}
