#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension IronCondor {
    /// The underlying's path under the method's lognormal model, at the ATM volatility
    /// (METHOD §4): `ln S_t = ln S + μt + σW_t` with
    /// ```
    /// μ = r − q − σ_atm²/2,   σ = σ_atm
    /// ```
    /// Every probability it returns is clamped to `[0, 1]`.
    public struct ExpiryDistribution: Sendable, Equatable {
        /// The level `S` today.
        public let spot: Double
        /// The drift `μ = r − q − σ²/2` of `ln S`, per year.
        public let drift: Double
        /// `σ = σ_atm`.
        public let volatility: Double
        /// `T = DTE / 365`.
        public let years: Double

        /// The distribution of the underlying of `pricing`, at its market's `σ_atm`.
        public init(pricing: IndexPricing) {
            let market = pricing.market
            let sigma = market.atmVolatility
            self.init(spot: pricing.level, drift: market.rate - market.dividendYield - 0.5 * sigma * sigma,
                      volatility: sigma, years: pricing.years)
        }

        /// A distribution from its parameters (inputs must be finite, `σ` and `T` positive).
        public init(spot: Double, drift: Double, volatility: Double, years: Double) {
            self.spot = spot
            self.drift = drift
            self.volatility = volatility
            self.years = years
        }

        /// `z(x) = (ln(x/S) − μT) / (σ√T)`, so that `P(S_T < x) = N(z(x))`.
        @inlinable
        public func z(_ x: Double) -> Double {
            (log(x / spot) - drift * years) / (volatility * years.squareRoot())
        }

        /// `P(lower < S_T < upper) = N(z(upper)) − N(z(lower))`.
        public func probabilityBetween(_ lower: Double, _ upper: Double) -> Double {
            clamp(Normal.cdf(z(upper)) - Normal.cdf(z(lower)))
        }

        /// `P(S_T ≤ lower or S_T ≥ upper) = N(z(lower)) + N(−z(upper))`.
        public func probabilityOutside(_ lower: Double, _ upper: Double) -> Double {
            clamp(Normal.cdf(z(lower)) + Normal.cdf(-z(upper)))
        }

        /// The probability that the path touches `barrier` before `T` (reflection principle for
        /// Brownian motion with drift). With `b = ln(H/S)`, `s = σ√T`:
        /// ```
        /// H < S:  P(min S_t ≤ H) = N((b − μT)/s) + (H/S)^{2μ/σ²} N((b + μT)/s)
        /// H > S:  P(max S_t ≥ H) = N((−b + μT)/s) + (H/S)^{2μ/σ²} N((−b − μT)/s)
        /// ```
        /// The second term is computed as `exp(2μb/σ² + ln N(·))` so it never overflows.
        /// `H = S` is touched already (1).
        public func touchProbability(_ barrier: Double) -> Double {
            let b = log(barrier / spot)
            guard b != 0 else { return 1 }
            let s = volatility * years.squareRoot()
            let m = drift * years
            let sign: Double = b < 0 ? 1 : -1
            let direct = Normal.cdf(sign * (b - m) / s)
            let reflected = exp(2 * drift * b / (volatility * volatility) + Normal.logCdf(sign * (b + m) / s))
            return clamp(direct + reflected)
        }

        @inline(__always)
        func clamp(_ p: Double) -> Double { p.isNaN ? 0 : min(max(p, 0), 1) }
    }
}
