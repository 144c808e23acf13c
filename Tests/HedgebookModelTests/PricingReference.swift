import HedgebookModel
import Testing

/// The shapes of the independent reference values in PricingReferenceValues.swift, which
/// scripts/reference/pricing_reference.py generates.
enum PricingReference {
    struct BSMCase: Sendable, CustomTestStringConvertible {
        let kind: OptionKind
        let spot, strike, years, rate, dividend, volatility: Double
        let price, delta, gamma, vega, theta: Double
        var testDescription: String { "\(kind) S=\(spot) K=\(strike) T=\(years) σ=\(volatility)" }
    }

    struct Black76Case: Sendable, CustomTestStringConvertible {
        let kind: OptionKind
        let forward, strike, years, rate, volatility: Double
        let price, delta, gamma, vega: Double
        var testDescription: String { "\(kind) F=\(forward) K=\(strike) T=\(years) σ=\(volatility)" }
    }

    struct ImpliedVolCase: Sendable, CustomTestStringConvertible {
        let black76: Bool
        let kind: OptionKind
        let price, spot, strike, years, rate, dividend, volatility: Double
        var testDescription: String { "\(black76 ? "Black-76" : "BSM") \(kind) K=\(strike) σ=\(volatility)" }
    }

    struct PriceCase: Sendable, CustomTestStringConvertible {
        let market: Market
        let underlying: Underlying
        let kind: OptionKind
        let strike: Double
        let dte: Int
        let price, delta, volatility, forward: Double
        var testDescription: String { "\(underlying) \(strike) \(kind) \(dte)d skew \(market.skew)" }
    }

    struct CondorCase: Sendable, CustomTestStringConvertible {
        let market: Market
        let underlying: Underlying
        let dte: Int
        let delta, width: Double
        let shortPut, longPut, shortCall, longCall: Double
        let credit, maxLoss, lowerBreakEven, upperBreakEven: Double
        let pop, pml, touchPut, touchCall, returnOnRisk: Double
        let greekDelta, greekGamma, greekVega, greekTheta: Double
        var testDescription: String { "\(underlying) \(dte)d δ\(delta) w\(width) skew \(market.skew) SPX \(market.spx)" }

        var settings: CondorSettings {
            var s = CondorSettings()
            s.underlying = underlying
            s.dte = dte
            s.delta = delta
            s.width = width
            return s
        }
    }

    static func market(
        spx: Double, vix: Double, rate: Double, dividend: Double, skew: Double, vvix: Double, theta: Double, kappa: Double
    ) -> Market {
        var m = Market()
        m.spx = spx
        m.vix = vix
        m.rate = rate
        m.dividendYield = dividend
        m.skew = skew
        m.vvix = vvix
        m.vixLongRun = theta
        m.vixSpeed = kappa
        return m
    }
}

/// `|a − b| ≤ relative × max(|a|, |b|) + absolute`.
func pricingClose(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 0) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b)) + absolute
}
