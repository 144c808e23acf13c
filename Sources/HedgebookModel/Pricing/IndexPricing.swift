#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The Black–Scholes–Merton inputs for SPX or XSP options of one expiry (METHOD §2–3).
///
/// Holds what every strike of the expiry shares — the level `S` (SPX, or SPX / 10 for XSP),
/// `T = DTE/365`, `r`, `q` and the forward `F = S·e^{(r−q)T}` — so that pricing a strike costs
/// one ``Market/spxVolatility(strike:forward:)`` and one formula. Strikes are in the
/// underlying's own points. Unchecked: build it from a validated market.
public struct IndexPricing: Sendable, Equatable {
    /// SPX or XSP.
    public let underlying: Underlying
    /// Days to expiry.
    public let dte: Int
    /// `T = DTE / 365`.
    public let years: Double
    /// The underlying level `S` in its own points.
    public let level: Double
    /// The forward `F = S·e^{(r−q)T}`.
    public let forward: Double
    /// The market the volatilities come from.
    public let market: Market

    /// The inputs for `underlying` (`.spx` or `.xsp`) at `dte` days.
    public init(market: Market, underlying: Underlying, dte: Int) {
        let years = Double(dte) / 365
        let level = underlying.level(spx: market.spx)
        self.underlying = underlying
        self.dte = dte
        self.years = years
        self.level = level
        self.forward = level * exp((market.rate - market.dividendYield) * years)
        self.market = market
    }

    /// `σ(K) = max(0.01, σ_atm + (k/100)·(−ln(K/F)/0.10))`.
    @inlinable
    public func volatility(strike: Double) -> Double {
        market.spxVolatility(strike: strike, forward: forward)
    }

    /// Delta at `strike`, with that strike's own `σ(K)`.
    @inlinable
    public func delta(_ kind: OptionKind, strike: Double) -> Double {
        BlackScholes.delta(
            kind, spot: level, strike: strike, years: years, rate: market.rate,
            dividend: market.dividendYield, volatility: volatility(strike: strike))
    }

    /// Price and greeks at `strike`, with that strike's own `σ(K)`.
    public func quote(_ kind: OptionKind, strike: Double) -> OptionQuote {
        BlackScholes.quote(
            kind, spot: level, strike: strike, years: years, rate: market.rate,
            dividend: market.dividendYield, volatility: volatility(strike: strike))
    }
}
