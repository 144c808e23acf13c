#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Black–Scholes–Merton with a continuous dividend yield, for SPX and XSP (METHOD §3).
///
/// ```
/// d1 = (ln(S/K) + (r − q + σ²/2)T) / (σ√T),   d2 = d1 − σ√T
/// call = S e^{−qT} N(d1) − K e^{−rT} N(d2)
/// put  = K e^{−rT} N(−d2) − S e^{−qT} N(−d1)
/// ```
/// At `T ≤ 0` every function returns the option's intrinsic value and its limit greeks.
public enum BlackScholes {
    /// The price alone, unchecked: the hot path. Inputs must already be valid.
    @inlinable
    public static func price(
        _ kind: OptionKind, spot s: Double, strike k: Double, years t: Double,
        rate r: Double, dividend q: Double, volatility v: Double
    ) -> Double {
        if t <= 0 { return kind == .call ? max(s - k, 0) : max(k - s, 0) }
        let sqrtT = t.squareRoot()
        let vsT = v * sqrtT
        let d1 = (log(s / k) + (r - q + 0.5 * v * v) * t) / vsT
        let d2 = d1 - vsT
        let dq = exp(-q * t), dr = exp(-r * t)
        switch kind {
        case .call: return s * dq * Normal.cdf(d1) - k * dr * Normal.cdf(d2)
        case .put: return k * dr * Normal.cdf(-d2) - s * dq * Normal.cdf(-d1)
        }
    }

    /// Delta alone, unchecked (used by strike search).
    @inlinable
    public static func delta(
        _ kind: OptionKind, spot s: Double, strike k: Double, years t: Double,
        rate r: Double, dividend q: Double, volatility v: Double
    ) -> Double {
        if t <= 0 {
            switch kind {
            case .call: return s > k ? 1 : 0
            case .put: return s < k ? -1 : 0
            }
        }
        let d1 = (log(s / k) + (r - q + 0.5 * v * v) * t) / (v * t.squareRoot())
        let dq = exp(-q * t)
        return kind == .call ? dq * Normal.cdf(d1) : -dq * Normal.cdf(-d1)
    }

    /// Price and greeks, unchecked.
    public static func quote(
        _ kind: OptionKind, spot s: Double, strike k: Double, years t: Double,
        rate r: Double, dividend q: Double, volatility v: Double
    ) -> OptionQuote {
        if t <= 0 {
            let p = price(kind, spot: s, strike: k, years: 0, rate: r, dividend: q, volatility: v)
            let d = delta(kind, spot: s, strike: k, years: 0, rate: r, dividend: q, volatility: v)
            return OptionQuote(price: p, delta: d, gamma: 0, vega: 0, theta: 0, volatility: v)
        }
        let sqrtT = t.squareRoot()
        let vsT = v * sqrtT
        let d1 = (log(s / k) + (r - q + 0.5 * v * v) * t) / vsT
        let d2 = d1 - vsT
        let dq = exp(-q * t), dr = exp(-r * t)
        let pdf = Normal.pdf(d1)
        let gamma = dq * pdf / (s * vsT)
        let vega = s * dq * pdf * sqrtT / 100
        let decay = -s * dq * pdf * v / (2 * sqrtT)
        switch kind {
        case .call:
            let nd1 = Normal.cdf(d1), nd2 = Normal.cdf(d2)
            return OptionQuote(
                price: s * dq * nd1 - k * dr * nd2,
                delta: dq * nd1, gamma: gamma, vega: vega,
                theta: (decay - r * k * dr * nd2 + q * s * dq * nd1) / 365,
                volatility: v)
        case .put:
            let nmd1 = Normal.cdf(-d1), nmd2 = Normal.cdf(-d2)
            return OptionQuote(
                price: k * dr * nmd2 - s * dq * nmd1,
                delta: -dq * nmd1, gamma: gamma, vega: vega,
                theta: (decay + r * k * dr * nmd2 - q * s * dq * nmd1) / 365,
                volatility: v)
        }
    }

    /// Price and greeks after validating every input.
    public static func checkedQuote(
        _ kind: OptionKind, spot: Double, strike: Double, years: Double,
        rate: Double, dividend: Double, volatility: Double
    ) throws(ModelError) -> OptionQuote {
        _ = try Validate.positive(spot, "underlying level")
        _ = try Validate.positive(strike, "strike")
        _ = try Validate.positive(years, "time to expiry")
        _ = try Validate.finite(rate, "rate")
        _ = try Validate.finite(dividend, "dividend yield")
        _ = try Validate.positive(volatility, "volatility")
        return quote(kind, spot: spot, strike: strike, years: years, rate: rate, dividend: dividend, volatility: volatility)
    }
}
