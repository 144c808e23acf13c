import HedgebookModel
import Testing

/// Full condors against scipy (scripts/reference/pricing_reference.py), and worked examples.
@Suite("Condor: reference values")
struct CondorReferenceTests {
    @Test("strikes, credit, break-evens, probabilities and greeks", arguments: PricingReference.condors)
    func reference(_ c: PricingReference.CondorCase) throws {
        let condor = try IronCondor.build(market: c.market, settings: c.settings)
        #expect(condor.shortPut == c.shortPut)
        #expect(condor.longPut == c.longPut)
        #expect(condor.shortCall == c.shortCall)
        #expect(condor.longCall == c.longCall)
        #expect(pricingClose(condor.credit, c.credit))
        #expect(pricingClose(condor.maxLoss, c.maxLoss))
        #expect(pricingClose(condor.lowerBreakEven, c.lowerBreakEven, relative: 1e-12))
        #expect(pricingClose(condor.upperBreakEven, c.upperBreakEven, relative: 1e-12))
        #expect(pricingClose(condor.probabilityOfProfit, c.pop))
        #expect(pricingClose(condor.probabilityOfMaxLoss, c.pml))
        #expect(pricingClose(condor.touchShortPut, c.touchPut))
        #expect(pricingClose(condor.touchShortCall, c.touchCall))
        #expect(pricingClose(condor.returnOnRisk, c.returnOnRisk))
        #expect(pricingClose(condor.greeks.delta, c.greekDelta, relative: 1e-7, absolute: 1e-9))
        #expect(pricingClose(condor.greeks.gamma, c.greekGamma, relative: 1e-7))
        #expect(pricingClose(condor.greeks.vega, c.greekVega, relative: 1e-9))
        #expect(pricingClose(condor.greeks.theta, c.greekTheta, relative: 1e-9))
        #expect(condor.breakEvens == [condor.lowerBreakEven, condor.upperBreakEven])
        #expect(condor.spot == (c.underlying == .xsp ? c.market.spx / 10 : c.market.spx))
        #expect(condor.years == Double(c.dte) / 365)
    }

    @Test("ATM call with r = q = 0 is S(2N(σ√T/2) − 1)", arguments: [(6000.0, 0.18, 45), (600, 0.3, 7), (100, 1.2, 365)])
    func atmCall(_ s: Double, _ v: Double, _ dte: Int) throws {
        let t = Double(dte) / 365
        let price = BlackScholes.price(.call, spot: s, strike: s, years: t, rate: 0, dividend: 0, volatility: v)
        #expect(pricingClose(price, s * (2 * Normal.cdf(v * t.squareRoot() / 2) - 1), relative: 1e-13))
    }

    @Test("the price command on XSP is the SPX price scaled by 1/10")
    func xspIsTenthOfSpx() throws {
        let spx = try OptionPricer.quote(market: Market(), underlying: .spx, kind: .put, strike: 5800, dte: 45)
        let xsp = try OptionPricer.quote(market: Market(), underlying: .xsp, kind: .put, strike: 580, dte: 45)
        #expect(pricingClose(xsp.quote.price * 10, spx.quote.price, relative: 1e-12))
        #expect(xsp.volatility == spx.volatility)
        #expect(pricingClose(xsp.quote.delta, spx.quote.delta, relative: 1e-12))
    }

    @Test("an XSP condor is the SPX condor at a tenth of the strikes when the grids agree")
    func xspCondor() throws {
        var spx = CondorSettings(), xsp = CondorSettings()
        xsp.underlying = .xsp
        spx.width = 50
        xsp.width = 5
        let a = try IronCondor.build(market: Market(), settings: spx)
        let b = try IronCondor.build(market: Market(), settings: xsp)
        #expect(abs(a.shortPut / 10 - b.shortPut) <= 1 && abs(a.shortCall / 10 - b.shortCall) <= 1)
        #expect(b.credit > 0 && b.credit < 500)
    }

    @Test("VIX options use the future of their expiry and σ_v(DTE)")
    func vixOption() throws {
        var market = Market()
        market.vixFutureQuotes[30] = 21.5
        let p = try OptionPricer.quote(market: market, underlying: .vix, kind: .call, strike: 25, dte: 30)
        #expect(p.forward == 21.5)
        #expect(pricingClose(p.volatility, 0.9, relative: 1e-15))  // (90/100)·(30/30)^0.35
        let direct = Black76.price(.call, forward: 21.5, strike: 25, years: 30.0 / 365, rate: 0.04, volatility: 0.9)
        #expect(p.quote.price == direct)
        #expect(p.explanation.inputs.first?.rule == "quoted by the user")
    }
}
