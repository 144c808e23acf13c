import HedgebookModel
import Testing

/// The model against scipy (scripts/reference/pricing_reference.py): prices to 1e-9 relative.
@Suite("Pricing: reference values")
struct PricingReferenceTests {
    @Test("BSM price and greeks", arguments: PricingReference.blackScholes)
    func blackScholes(_ c: PricingReference.BSMCase) throws {
        let q = try BlackScholes.checkedQuote(
            c.kind, spot: c.spot, strike: c.strike, years: c.years, rate: c.rate, dividend: c.dividend,
            volatility: c.volatility)
        #expect(pricingClose(q.price, c.price))
        #expect(pricingClose(q.delta, c.delta))
        #expect(pricingClose(q.gamma, c.gamma))
        #expect(pricingClose(q.vega, c.vega))
        #expect(pricingClose(q.theta, c.theta))
        #expect(q.volatility == c.volatility)
        let fast = BlackScholes.price(
            c.kind, spot: c.spot, strike: c.strike, years: c.years, rate: c.rate, dividend: c.dividend,
            volatility: c.volatility)
        #expect(pricingClose(fast, c.price))
    }

    @Test("Black-76 price and greeks", arguments: PricingReference.black76)
    func black76(_ c: PricingReference.Black76Case) throws {
        let q = try Black76.checkedQuote(
            c.kind, forward: c.forward, strike: c.strike, years: c.years, rate: c.rate, volatility: c.volatility)
        #expect(pricingClose(q.price, c.price))
        #expect(pricingClose(q.delta, c.delta))
        #expect(pricingClose(q.gamma, c.gamma))
        #expect(pricingClose(q.vega, c.vega))
    }

    @Test("the price command: σ(K), XSP scaling, VIX future and σ_v", arguments: PricingReference.priceCommand)
    func priceCommand(_ c: PricingReference.PriceCase) throws {
        let p = try OptionPricer.quote(market: c.market, underlying: c.underlying, kind: c.kind, strike: c.strike, dte: c.dte)
        #expect(pricingClose(p.quote.price, c.price))
        #expect(pricingClose(p.quote.delta, c.delta))
        #expect(pricingClose(p.volatility, c.volatility, relative: 1e-12))
        #expect(pricingClose(p.forward, c.forward, relative: 1e-12))
        #expect(p.years == Double(c.dte) / 365)
        #expect(p.explanation.value == p.quote.price)
        #expect(p.level == (c.underlying == .xsp ? c.market.spx / 10 : c.underlying == .vix ? c.market.vix : c.market.spx))
    }
}
