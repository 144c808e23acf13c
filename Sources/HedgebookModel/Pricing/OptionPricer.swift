/// One option priced by the model, with what went into it (the shell's `price` command).
public struct PricedOption: Sendable, Equatable {
    /// SPX, XSP or VIX.
    public var underlying: Underlying
    /// Call or put.
    public var kind: OptionKind
    /// Strike, in the underlying's points.
    public var strike: Double
    /// Days to expiry.
    public var dte: Int
    /// `T = DTE / 365`.
    public var years: Double
    /// The underlying's level: SPX, XSP = SPX / 10, or the VIX index.
    public var level: Double
    /// The forward of the expiry: `S·e^{(r−q)T}` for SPX/XSP, the VIX future `F(DTE)` for VIX.
    public var forward: Double
    /// The volatility used: `σ(K)` from the skew, or `σ_v(DTE)` for VIX.
    public var volatility: Double
    /// Price and greeks per unit (a contract is 100 units).
    public var quote: OptionQuote
    /// The price's rule and inputs.
    public var explanation: Explanation
}

/// Prices SPX and XSP options with BSM and the skew, VIX options with Black-76 on the
/// VIX future of their expiry (METHOD §2–3).
public enum OptionPricer {
    /// The longest expiry the model prices, in days.
    public static let maximumDTE = 3650

    /// Prices one option after validating the market, the strike and the DTE.
    ///
    /// SPX/XSP: `σ(K)` from ``Market/spxVolatility(strike:forward:)`` with `S` the underlying's
    /// level (XSP = SPX / 10, strikes in XSP points). VIX: `F = ` ``Market/vixFuture(dte:)`` and
    /// `σ_v = ` ``Market/vixOptionVolatility(dte:)``, priced with ``Black76``.
    public static func quote(
        market: Market, underlying: Underlying, kind: OptionKind, strike: Double, dte: Int
    ) throws(ModelError) -> PricedOption {
        try market.validate()
        _ = try Validate.positive(strike, "strike")
        try validate(dte: dte)
        let years = Double(dte) / 365
        switch underlying {
        case .spx, .xsp:
            let pricing = IndexPricing(market: market, underlying: underlying, dte: dte)
            let quote = pricing.quote(kind, strike: strike)
            return PricedOption(
                underlying: underlying, kind: kind, strike: strike, dte: dte, years: years,
                level: pricing.level, forward: pricing.forward, volatility: quote.volatility, quote: quote,
                explanation: explainIndexPrice(kind, strike: strike, price: quote.price, pricing: pricing))
        case .vix:
            let forward = market.vixFuture(dte: dte)
            let volatility = market.vixOptionVolatility(dte: dte)
            let quote = Black76.quote(
                kind, forward: forward, strike: strike, years: years, rate: market.rate, volatility: volatility)
            return PricedOption(
                underlying: .vix, kind: kind, strike: strike, dte: dte, years: years,
                level: market.vix, forward: forward, volatility: volatility, quote: quote,
                explanation: explainVixPrice(kind, strike: strike, price: quote.price, market: market, dte: dte))
        }
    }

    /// Checks that `dte` is between 1 and ``maximumDTE``.
    public static func validate(dte: Int) throws(ModelError) {
        guard dte >= 1 else { throw .notPositive(quantity: "DTE", value: Double(dte)) }
        guard dte <= maximumDTE else {
            throw .outOfRange(quantity: "DTE", value: Double(dte), valid: "1 to \(maximumDTE) days")
        }
    }

    /// A note when `strike` is not on the underlying's listed grid, else `nil`.
    static func listingNote(_ underlying: Underlying, strike: Double) -> String? {
        let steps = strike / underlying.strikeStep
        guard steps != steps.rounded() else { return nil }
        return "not a listed strike: \(underlying.ticker) lists strikes every "
            + "\(ModelFormat.plain(underlying.strikeStep)) point\(underlying.strikeStep == 1 ? "" : "s")"
    }
}
