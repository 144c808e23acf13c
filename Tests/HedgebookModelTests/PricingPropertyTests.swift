import HedgebookModel
import PropertyBased
import Testing

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Laws the formulas must obey over wide random inputs.
@Suite("Pricing: properties")
struct PricingPropertyTests {
    static let spots = Gen.double(in: 10...10_000)
    static let moneyness = Gen.double(in: 0.5...2.0)
    static let years = Gen.double(in: 1.0 / 365...5)
    static let rates = Gen.double(in: -0.05...0.15)
    static let vols = Gen.double(in: 0.02...2.0)

    @Test("BSM put–call parity: c − p = S e^{−qT} − K e^{−rT}")
    func bsmParity() async {
        await propertyCheck(count: 200, input: Self.spots, Self.moneyness, Self.years, Self.rates, Self.rates, Self.vols) {
            s, m, t, r, q, v in
            let k = s * m
            let c = BlackScholes.price(.call, spot: s, strike: k, years: t, rate: r, dividend: q, volatility: v)
            let p = BlackScholes.price(.put, spot: s, strike: k, years: t, rate: r, dividend: q, volatility: v)
            #expect(pricingClose(c - p, s * exp(-q * t) - k * exp(-r * t), relative: 1e-12, absolute: 1e-11 * s))
        }
    }

    @Test("Black-76 put–call parity: c − p = e^{−rT}(F − K)")
    func black76Parity() async {
        await propertyCheck(count: 200, input: Gen.double(in: 5...100), Self.moneyness, Self.years, Self.rates, Self.vols) {
            f, m, t, r, v in
            let k = f * m
            let c = Black76.price(.call, forward: f, strike: k, years: t, rate: r, volatility: v)
            let p = Black76.price(.put, forward: f, strike: k, years: t, rate: r, volatility: v)
            #expect(pricingClose(c - p, exp(-r * t) * (f - k), relative: 1e-12, absolute: 1e-11 * f))
        }
    }

    @Test("BSM greeks equal central finite differences")
    func bsmGreeks() async {
        await propertyCheck(
            count: 200, input: Gen<OptionKind>.case, Self.spots, Gen.double(in: 0.7...1.4), Gen.double(in: 7.0 / 365...3),
            Self.rates, Gen.double(in: 0.05...1.0)
        ) { kind, s, m, t, r, v in
            let k = s * m, q = 0.013
            func p(_ s: Double, _ t: Double, _ v: Double) -> Double {
                BlackScholes.price(kind, spot: s, strike: k, years: t, rate: r, dividend: q, volatility: v)
            }
            let g = BlackScholes.quote(kind, spot: s, strike: k, years: t, rate: r, dividend: q, volatility: v)
            // Steps and tolerances scale with S and with the width σ√T of the distribution.
            let w = v * t.squareRoot(), hs = 1e-3 * s * w, hv = 1e-4, ht = 1e-5
            let scale = s
            let hd = 0.1 * hs
            #expect(abs((p(s + hd, t, v) - p(s - hd, t, v)) / (2 * hd) - g.delta) < 1e-7)
            #expect(abs((p(s + hs, t, v) - 2 * p(s, t, v) + p(s - hs, t, v)) / (hs * hs) - g.gamma) < 1e-5 / (s * w))
            #expect(abs((p(s, t, v + hv) - p(s, t, v - hv)) / (2 * hv) / 100 - g.vega) < 1e-7 * scale)
            #expect(abs(-(p(s, t + ht, v) - p(s, t - ht, v)) / (2 * ht) / 365 - g.theta) < 1e-7 * scale)
        }
    }

    @Test("Black-76 delta and vega equal central finite differences")
    func black76Greeks() async {
        await propertyCheck(count: 200, input: Gen<OptionKind>.case, Gen.double(in: 10...60), Gen.double(in: 0.6...1.8),
                            Gen.double(in: 7.0 / 365...1), Gen.double(in: 0.2...2.0)) { kind, f, m, t, v in
            let k = f * m, r = 0.04
            func p(_ f: Double, _ v: Double) -> Double {
                Black76.price(kind, forward: f, strike: k, years: t, rate: r, volatility: v)
            }
            let g = Black76.quote(kind, forward: f, strike: k, years: t, rate: r, volatility: v)
            let h = 1e-4 * f * v * t.squareRoot()
            #expect(abs((p(f + h, v) - p(f - h, v)) / (2 * h) - g.delta) < 1e-7)
            #expect(abs((p(f, v + 1e-5) - p(f, v - 1e-5)) / 2e-5 / 100 - g.vega) < 1e-8 * f)
        }
    }

    @Test("a call's price falls and a put's rises as the strike rises; both stay within bounds")
    func monotoneInStrike() async {
        await propertyCheck(count: 200, input: Self.spots, Self.moneyness, Gen.double(in: 1.0001...1.2), Self.years,
                            Self.rates, Self.vols) { s, m, step, t, r, v in
            let q = 0.013, k1 = s * m, k2 = k1 * step
            let c1 = BlackScholes.price(.call, spot: s, strike: k1, years: t, rate: r, dividend: q, volatility: v)
            let c2 = BlackScholes.price(.call, spot: s, strike: k2, years: t, rate: r, dividend: q, volatility: v)
            let p1 = BlackScholes.price(.put, spot: s, strike: k1, years: t, rate: r, dividend: q, volatility: v)
            let p2 = BlackScholes.price(.put, spot: s, strike: k2, years: t, rate: r, dividend: q, volatility: v)
            #expect(c2 <= c1)
            #expect(p2 >= p1)
            #expect(c1 >= max(s * exp(-q * t) - k1 * exp(-r * t), 0) - 1e-9 * s && c1 <= s * exp(-q * t))
            #expect(p1 >= max(k1 * exp(-r * t) - s * exp(-q * t), 0) - 1e-9 * s && p1 <= k1 * exp(-r * t))
        }
    }
}
