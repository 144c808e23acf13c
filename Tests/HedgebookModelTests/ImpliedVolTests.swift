import HedgebookModel
import PropertyBased
import Testing

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Implied volatility: reference cases, round trips, and prices no volatility can give.
@Suite("ImpliedVol")
struct ImpliedVolTests {
    @Test("recovers the volatility behind scipy's price to 1e-8", arguments: PricingReference.impliedVolatility)
    func reference(_ c: PricingReference.ImpliedVolCase) throws {
        let v = c.black76
            ? try ImpliedVolatility.black76(c.kind, price: c.price, forward: c.spot, strike: c.strike, years: c.years, rate: c.rate)
            : try ImpliedVolatility.blackScholes(
                c.kind, price: c.price, spot: c.spot, strike: c.strike, years: c.years, rate: c.rate, dividend: c.dividend)
        #expect(abs(v - c.volatility) < 1e-8)
    }

    @Test("BSM: vol → price → vol round-trips over wide inputs")
    func bsmRoundTrip() async {
        await propertyCheck(
            count: 200, input: Gen<OptionKind>.case, Gen.double(in: 10...10_000), Gen.double(in: 0.6...1.6),
            Gen.double(in: 2.0 / 365...5), Gen.double(in: -0.02...0.1), Gen.double(in: 0.03...2.5)
        ) { kind, s, m, t, r, v in
            let k = s * m, q = 0.013
            let quote = BlackScholes.quote(kind, spot: s, strike: k, years: t, rate: r, dividend: q, volatility: v)
            // Only where the price says something about σ (vega above a billionth of the price scale).
            guard quote.vega * 100 > 1e-6 * s else { return }
            let solved = try ImpliedVolatility.blackScholes(kind, price: quote.price, spot: s, strike: k, years: t, rate: r, dividend: q)
            let again = BlackScholes.price(kind, spot: s, strike: k, years: t, rate: r, dividend: q, volatility: solved)
            #expect(pricingClose(again, quote.price, relative: 1e-9, absolute: 1e-12 * s))
            #expect(abs(solved - v) < 1e-8)
        }
    }

    @Test("Black-76: vol → price → vol round-trips over wide inputs")
    func black76RoundTrip() async {
        await propertyCheck(
            count: 200, input: Gen<OptionKind>.case, Gen.double(in: 5...120), Gen.double(in: 0.5...2.5),
            Gen.double(in: 2.0 / 365...2), Gen.double(in: 0.1...3.0)
        ) { kind, f, m, t, v in
            let k = f * m, r = 0.04
            let quote = Black76.quote(kind, forward: f, strike: k, years: t, rate: r, volatility: v)
            guard quote.vega * 100 > 1e-6 * f else { return }
            let solved = try ImpliedVolatility.black76(kind, price: quote.price, forward: f, strike: k, years: t, rate: r)
            let again = Black76.price(kind, forward: f, strike: k, years: t, rate: r, volatility: solved)
            #expect(pricingClose(again, quote.price, relative: 1e-9, absolute: 1e-12 * f))
        }
    }

    @Test("a price outside the no-arbitrage bounds is an error, never NaN", arguments: [
        (OptionKind.call, 0.0), (.call, -1.0), (.call, 6000.0), (.call, 7000.0),  // above S e^{−qT}
        (.put, 0.0), (.put, 5800.0), (.put, 1e9),
    ])
    func outsideBounds(_ kind: OptionKind, _ price: Double) {
        #expect {
            _ = try ImpliedVolatility.blackScholes(kind, price: price, spot: 6000, strike: 5800, years: 0.1, rate: 0.04, dividend: 0.013)
        } throws: { error in
            guard case ModelError.priceOutsideBounds(let p, let lower, let upper) = error else { return false }
            return p == price && lower < upper && (price <= lower || price >= upper)
        }
    }

    @Test("an ITM call below its intrinsic value is refused with the bounds it broke")
    func belowIntrinsic() throws {
        let lower = 6000 * exp(-0.013 * 0.1) - 5800 * exp(-0.04 * 0.1)
        #expect(throws: ModelError.priceOutsideBounds(price: lower - 0.01, lower: lower, upper: 6000 * exp(-0.013 * 0.1))) {
            _ = try ImpliedVolatility.blackScholes(.call, price: lower - 0.01, spot: 6000, strike: 5800, years: 0.1, rate: 0.04, dividend: 0.013)
        }
        // Just above the bound is a (small) volatility, not an error.
        let v = try ImpliedVolatility.blackScholes(.call, price: lower + 0.01, spot: 6000, strike: 5800, years: 0.1, rate: 0.04, dividend: 0.013)
        #expect(v > 0 && v.isFinite)
    }

    @Test("Black-76 bounds use the discounted future")
    func black76Bounds() {
        #expect(throws: ModelError.self) {
            _ = try ImpliedVolatility.black76(.call, price: 20, forward: 20, strike: 25, years: 0.1, rate: 0.04)
        }
        #expect(throws: ModelError.self) {
            _ = try ImpliedVolatility.black76(.put, price: 4.9, forward: 20, strike: 25, years: 0.1, rate: 0.04)
        }
    }

    @Test("bad inputs are typed errors", arguments: [
        (Double.nan, 6000.0, 5800.0, 0.1, ModelError.notFinite(quantity: "option price")),
        (10, 0, 5800, 0.1, .notPositive(quantity: "underlying level", value: 0)),
        (10, 6000, -5, 0.1, .notPositive(quantity: "strike", value: -5)),
        (10, 6000, 5800, 0, .notPositive(quantity: "time to expiry", value: 0)),
        (10, .infinity, 5800, 0.1, .notFinite(quantity: "underlying level")),
    ])
    func badInputs(price: Double, spot: Double, strike: Double, years: Double, error: ModelError) {
        #expect(throws: error) {
            _ = try ImpliedVolatility.blackScholes(.put, price: price, spot: spot, strike: strike, years: years, rate: 0.04, dividend: 0.013)
        }
    }
}
