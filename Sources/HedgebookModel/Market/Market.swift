#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The session's market inputs (METHOD §2), with the method's defaults.
///
/// Rates and yields are fractions (`0.04` for 4 %); `skew` is in volatility points per 10 %
/// of log-moneyness; `vvix` is in index points (90 means 90 % annualised).
public struct Market: Sendable, Equatable, Codable {
    /// SPX index level `S`.
    public var spx: Double = 6000
    /// VIX index level `V`.
    public var vix: Double = 18
    /// Continuously compounded risk-free rate `r`.
    public var rate: Double = 0.04
    /// SPX continuous dividend yield `q`.
    public var dividendYield: Double = 0.013
    /// Skew `k`: volatility points per 10 % of log-moneyness (0 is flat).
    public var skew: Double = 0
    /// VVIX level `W`, which sets VIX option volatility.
    public var vvix: Double = 90
    /// Long-run VIX level `θ` of the futures curve.
    public var vixLongRun: Double = 20
    /// Mean-reversion speed `κ` of the futures curve, per year.
    public var vixSpeed: Double = 4
    /// User-quoted VIX futures by days to expiry; a quote overrides the model for that expiry.
    public var vixFutureQuotes: [Int: Double] = [:]

    public init() {}

    /// At-the-money SPX volatility `σ_atm = V / 100`.
    @inlinable public var atmVolatility: Double { vix / 100 }

    /// The SPX forward `F = S·e^{(r−q)T}`.
    @inlinable
    public func spxForward(years t: Double) -> Double { spx * exp((rate - dividendYield) * t) }

    /// SPX implied volatility at strike `k` for `t` years:
    /// ```
    /// σ(K) = max(0.01, σ_atm + (k/100)·(−ln(K/F)/0.10))
    /// ```
    ///
    /// `spot` is the underlying's level (XSP passes SPX / 10; σ depends only on `K/F`).
    @inlinable
    public func spxVolatility(strike: Double, years t: Double, spot: Double? = nil) -> Double {
        spxVolatility(strike: strike, forward: (spot ?? spx) * exp((rate - dividendYield) * t))
    }

    /// SPX implied volatility at strike `k` given the forward `F` of its expiry (the same rule,
    /// for callers that already hold `F`).
    @inlinable
    public func spxVolatility(strike: Double, forward: Double) -> Double {
        guard skew != 0 else { return max(0.01, atmVolatility) }
        return max(0.01, atmVolatility + (skew / 100) * (-log(strike / forward) / 0.10))
    }

    /// The modelled VIX future for an expiry `dte` days away, `θ + (V − θ)e^{−κT}`,
    /// unless the user quoted one for that expiry.
    public func vixFuture(dte: Int) -> Double {
        if let quoted = vixFutureQuotes[dte] { return quoted }
        let t = Double(dte) / 365
        return vixLongRun + (vix - vixLongRun) * exp(-vixSpeed * t)
    }

    /// Whether ``vixFuture(dte:)`` for this expiry is a user quote rather than the model.
    public func isQuotedVixFuture(dte: Int) -> Bool { vixFutureQuotes[dte] != nil }

    /// VIX option volatility by tenor, `σ_v = (W/100)·(30/DTE)^0.35`.
    public func vixOptionVolatility(dte: Int) -> Double {
        (vvix / 100) * pow(30 / Double(max(dte, 1)), 0.35)
    }

    /// The explanation of the VIX future at `dte`.
    public func explainVixFuture(dte: Int) -> Explanation {
        if let quoted = vixFutureQuotes[dte] {
            return .input("VIX future \(dte)d", quoted, .index, source: "quoted by the user")
        }
        return Explanation(
            "VIX future \(dte)d", vixFuture(dte: dte), .index, rule: "θ + (V − θ)·e^{−κ·DTE/365}",
            inputs: [
                .input("θ (long-run VIX)", vixLongRun, .index, source: "setting"),
                .input("V (VIX)", vix, .index),
                .input("κ (speed per year)", vixSpeed, .ratio, source: "setting"),
                .input("DTE", Double(dte), .days),
            ])
    }

    /// Checks every field; the first invalid one is thrown.
    public func validate() throws(ModelError) {
        _ = try Validate.positive(spx, "SPX level")
        guard spx <= 1_000_000 else { throw .outOfRange(quantity: "SPX level", value: spx, valid: "at most 1,000,000") }
        _ = try Validate.positive(vix, "VIX level")
        guard vix >= 0.01, vix <= 1000 else {
            throw .outOfRange(quantity: "VIX level", value: vix, valid: "between 0.01 and 1000")
        }
        _ = try Validate.inRange(rate, -0.2...1, "rate", valid: "between -20% and 100%")
        _ = try Validate.inRange(dividendYield, -0.2...1, "dividend yield", valid: "between -20% and 100%")
        _ = try Validate.inRange(skew, -50...50, "skew", valid: "between -50 and 50 vol points per 10% moneyness")
        _ = try Validate.positive(vvix, "VVIX level")
        guard vvix <= 1000 else { throw .outOfRange(quantity: "VVIX level", value: vvix, valid: "at most 1000") }
        _ = try Validate.positive(vixLongRun, "VIX long-run level θ")
        _ = try Validate.nonNegative(vixSpeed, "VIX speed κ")
        for (_, q) in vixFutureQuotes { _ = try Validate.positive(q, "VIX future quote") }
    }
}
