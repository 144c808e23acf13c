#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Black-76 on a future, for VIX options (METHOD §3).
///
/// ```
/// d1 = (ln(F/K) + σ²T/2) / (σ√T),   d2 = d1 − σ√T
/// call = e^{−rT} (F N(d1) − K N(d2))      put = e^{−rT} (K N(−d2) − F N(−d1))
/// Δcall = e^{−rT} N(d1)                   Δput = −e^{−rT} N(−d1)
/// ```
/// Greeks are with respect to the future `F`; theta holds `F` fixed.
public enum Black76 {
    /// The price alone, unchecked.
    @inlinable
    public static func price(
        _ kind: OptionKind, forward f: Double, strike k: Double, years t: Double,
        rate r: Double, volatility v: Double
    ) -> Double {
        if t <= 0 { return kind == .call ? max(f - k, 0) : max(k - f, 0) }
        let vsT = v * t.squareRoot()
        let d1 = (log(f / k) + 0.5 * v * v * t) / vsT
        let d2 = d1 - vsT
        let dr = exp(-r * t)
        switch kind {
        case .call: return dr * (f * Normal.cdf(d1) - k * Normal.cdf(d2))
        case .put: return dr * (k * Normal.cdf(-d2) - f * Normal.cdf(-d1))
        }
    }

    /// Price and greeks, unchecked.
    public static func quote(
        _ kind: OptionKind, forward f: Double, strike k: Double, years t: Double,
        rate r: Double, volatility v: Double
    ) -> OptionQuote {
        if t <= 0 {
            let p = price(kind, forward: f, strike: k, years: 0, rate: r, volatility: v)
            let d: Double = kind == .call ? (f > k ? 1 : 0) : (f < k ? -1 : 0)
            return OptionQuote(price: p, delta: d, gamma: 0, vega: 0, theta: 0, volatility: v)
        }
        let sqrtT = t.squareRoot()
        let vsT = v * sqrtT
        let d1 = (log(f / k) + 0.5 * v * v * t) / vsT
        let d2 = d1 - vsT
        let dr = exp(-r * t)
        let pdf = Normal.pdf(d1)
        let p: Double
        let delta: Double
        switch kind {
        case .call:
            p = dr * (f * Normal.cdf(d1) - k * Normal.cdf(d2))
            delta = dr * Normal.cdf(d1)
        case .put:
            p = dr * (k * Normal.cdf(-d2) - f * Normal.cdf(-d1))
            delta = -dr * Normal.cdf(-d1)
        }
        return OptionQuote(
            price: p, delta: delta,
            gamma: dr * pdf / (f * vsT),
            vega: f * dr * pdf * sqrtT / 100,
            theta: (r * p - f * dr * pdf * v / (2 * sqrtT)) / 365,
            volatility: v)
    }

    /// Price and greeks after validating every input.
    public static func checkedQuote(
        _ kind: OptionKind, forward: Double, strike: Double, years: Double, rate: Double, volatility: Double
    ) throws(ModelError) -> OptionQuote {
        _ = try Validate.positive(forward, "VIX future")
        _ = try Validate.positive(strike, "strike")
        _ = try Validate.positive(years, "time to expiry")
        _ = try Validate.finite(rate, "rate")
        _ = try Validate.positive(volatility, "volatility")
        return quote(kind, forward: forward, strike: strike, years: years, rate: rate, volatility: volatility)
    }
}
