#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Implied volatility: the `σ` at which the model price equals a given price (METHOD §3).
///
/// BSM is Black's formula on the forward `F = S·e^{(r−q)T}` discounted by `e^{−rT}`, so both
/// models share one solver. It works on the out-of-the-money side (an in-the-money price is
/// turned into its OTM twin by put–call parity, `c − p = e^{−rT}(F − K)`), in total volatility
/// `w = σ√T`, with Newton steps from the inflection point `w = √(2|ln(F/K)|)` kept inside a
/// bracket and replaced by bisection whenever they leave it. The answer is within
/// ``tolerance`` of the true volatility. A price outside the no-arbitrage bounds
/// ```
/// call: max(S e^{−qT} − K e^{−rT}, 0) < price < S e^{−qT}
/// put:  max(K e^{−rT} − S e^{−qT}, 0) < price < K e^{−rT}
/// ```
/// (Black-76: `S e^{−qT}` becomes `F e^{−rT}`) throws ``ModelError/priceOutsideBounds(price:lower:upper:)``.
public enum ImpliedVolatility {
    /// The accuracy of the solved volatility.
    public static let tolerance = 1e-8

    /// The BSM volatility of an SPX or XSP option price.
    public static func blackScholes(
        _ kind: OptionKind, price: Double, spot: Double, strike: Double, years: Double,
        rate: Double, dividend: Double
    ) throws(ModelError) -> Double {
        _ = try Validate.finite(price, "option price")
        _ = try Validate.positive(spot, "underlying level")
        _ = try Validate.positive(strike, "strike")
        _ = try Validate.positive(years, "time to expiry")
        _ = try Validate.finite(rate, "rate")
        _ = try Validate.finite(dividend, "dividend yield")
        let discountedSpot = spot * exp(-dividend * years)
        let discountedStrike = strike * exp(-rate * years)
        let forward = spot * exp((rate - dividend) * years)
        return try solve(kind, price: price, forward: forward, strike: strike, years: years, rate: rate,
                         discountedForward: discountedSpot, discountedStrike: discountedStrike)
    }

    /// The Black-76 volatility of a VIX option price on the future `forward`.
    public static func black76(
        _ kind: OptionKind, price: Double, forward: Double, strike: Double, years: Double, rate: Double
    ) throws(ModelError) -> Double {
        _ = try Validate.finite(price, "option price")
        _ = try Validate.positive(forward, "VIX future")
        _ = try Validate.positive(strike, "strike")
        _ = try Validate.positive(years, "time to expiry")
        _ = try Validate.finite(rate, "rate")
        let discount = exp(-rate * years)
        return try solve(kind, price: price, forward: forward, strike: strike, years: years, rate: rate,
                         discountedForward: forward * discount, discountedStrike: strike * discount)
    }

    /// Checks the bounds, then solves on the OTM side in total volatility.
    static func solve(
        _ kind: OptionKind, price: Double, forward f: Double, strike k: Double, years t: Double, rate: Double,
        discountedForward df: Double, discountedStrike dk: Double
    ) throws(ModelError) -> Double {
        let lower = kind == .call ? max(df - dk, 0) : max(dk - df, 0)
        let upper = kind == .call ? df : dk
        guard price > lower, price < upper else {
            throw .priceOutsideBounds(price: price, lower: lower, upper: upper)
        }
        // Undiscounted, and on the OTM side: a call with F > K becomes a put and vice versa.
        let undiscounted = price * exp(rate * t)
        let otmKind: OptionKind = f > k ? .put : .call
        var target = undiscounted
        if otmKind != kind { target += kind == .call ? k - f : f - k }
        let otmUpper = otmKind == .call ? f : k
        guard target > 0, target < otmUpper, let w = totalVolatility(otmKind, target: target, forward: f, strike: k) else {
            throw .priceOutsideBounds(price: price, lower: lower, upper: upper)
        }
        return w / t.squareRoot()
    }

    /// Undiscounted Black price of total volatility `w` and its derivative `∂price/∂w = F φ(d1)`.
    @inline(__always)
    static func black(_ kind: OptionKind, _ w: Double, x: Double, f: Double, k: Double) -> (price: Double, vega: Double) {
        let d1 = x / w + 0.5 * w
        let d2 = d1 - w
        let price = kind == .call
            ? f * Normal.cdf(d1) - k * Normal.cdf(d2)
            : k * Normal.cdf(-d2) - f * Normal.cdf(-d1)
        return (price, f * Normal.pdf(d1))
    }

    /// Safeguarded Newton for `w` with `black(w) = target`; `nil` if `target` is numerically
    /// indistinguishable from the upper bound.
    static func totalVolatility(_ kind: OptionKind, target: Double, forward f: Double, strike k: Double) -> Double? {
        let x = log(f / k)
        var lo = 0.0, hi = 1.0
        while black(kind, hi, x: x, f: f, k: k).price < target {
            lo = hi
            hi *= 2
            if hi > 128 { return nil }
        }
        var w = abs(x) > 1e-3 ? (2 * abs(x)).squareRoot() : (2 * Double.pi).squareRoot() * target / (f * k).squareRoot()
        if !(w > lo && w < hi) { w = 0.5 * (lo + hi) }
        for _ in 0..<200 {
            let (p, vega) = black(kind, w, x: x, f: f, k: k)
            let diff = p - target
            if diff == 0 { return w }
            if diff > 0 { hi = w } else { lo = w }
            var next = w - diff / vega
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            // Far inside ``tolerance``: Newton is quadratic, so the last steps are nearly free.
            if abs(next - w) <= 1e-13 * next || hi - lo <= 1e-13 * hi { return next }
            w = next
        }
        return w
    }
}
