/// The iron condor of METHOD §4: short strikes by delta, equal wings, model prices.
///
/// ```
/// long put = short put − width        long call = short call + width
/// model credit = 100 × (put(Ksp) − put(Klp) + call(Ksc) − call(Klc))      per contract
/// credit       = 100 × (Σ short legs (mid − slippage)⁺ − Σ long legs (mid + slippage)) − 4 × fees
/// max loss     = 100 × width − credit
/// break-evens = Ksp − credit/100, Ksc + credit/100
/// ```
/// The *credit* is the credit as filled (METHOD §4, §9): it is what max loss, break-evens,
/// probabilities, return on risk and sizing use; with no slippage and no fees it is the model credit.
/// Probabilities are in IronCondor+Probability.swift, explanations (`why`) in
/// IronCondor+Explanation.swift.
public struct IronCondor: Sendable, Equatable {
    /// The position's greeks per contract: the sum over legs × 100, short legs negative.
    public struct Greeks: Sendable, Equatable {
        /// Index points of exposure per contract (dollars per point move).
        public var delta: Double
        /// Change of ``delta`` per point.
        public var gamma: Double
        /// Dollars per volatility point.
        public var vega: Double
        /// Dollars per calendar day.
        public var theta: Double
    }

    /// The shared inputs of the expiry: underlying, DTE, `T`, level `S`, forward, market.
    public let pricing: IndexPricing
    /// The short-strike delta searched for, as a fraction.
    public let delta: Double
    /// Wing width in points.
    public let width: Double
    /// Strikes, in the underlying's points.
    public let shortPut: Double, longPut: Double, shortCall: Double, longCall: Double
    /// Each leg's model price and greeks per unit, with its own `σ(K)`.
    public let shortPutQuote: OptionQuote, longPutQuote: OptionQuote
    public let shortCallQuote: OptionQuote, longCallQuote: OptionQuote
    /// Credit per contract in dollars at the model mids.
    public let modelCredit: Double
    /// Each leg's fill per unit: shorts sold at max(0, mid − slippage), longs bought at mid + slippage.
    public let shortPutFill: Double, longPutFill: Double, shortCallFill: Double, longCallFill: Double
    /// Slippage per leg in the underlying's points, and fees per contract per leg (METHOD §9).
    public let slippage: Double
    public let feePerLeg: Double
    /// Fees to open one condor: 4 legs × fees.
    public var openingFees: Double { 4 * feePerLeg }
    /// Credit per contract in dollars, as filled: the fills, less the opening fees.
    public let credit: Double
    /// Max loss per contract in dollars, `100 × width − credit`.
    public let maxLoss: Double
    /// `Ksp − credit/100`.
    public let lowerBreakEven: Double
    /// `Ksc + credit/100`.
    public let upperBreakEven: Double
    /// P(lower BE < S_T < upper BE) at expiry.
    public let probabilityOfProfit: Double
    /// P(S_T ≤ Klp or S_T ≥ Klc) at expiry.
    public let probabilityOfMaxLoss: Double
    /// P(the underlying touches the short put strike before expiry).
    public let touchShortPut: Double
    /// P(the underlying touches the short call strike before expiry).
    public let touchShortCall: Double
    /// Position greeks per contract.
    public let greeks: Greeks
    /// Whether a short strike is the last listed one on its side (one step for the put, 3 × spot
    /// for the call): the search stopped there, short of its delta (METHOD §12 item 5).
    public let putDeltaMissed: Bool, callDeltaMissed: Bool
    /// Either short strike missed its delta.
    public var deltaMissed: Bool { putDeltaMissed || callDeltaMissed }

    /// SPX or XSP.
    public var underlying: Underlying { pricing.underlying }
    /// Days to expiry.
    public var dte: Int { pricing.dte }
    /// `T = DTE / 365`.
    public var years: Double { pricing.years }
    /// The underlying's level `S` (XSP = SPX / 10).
    public var spot: Double { pricing.level }
    /// The break-evens, lower first.
    public var breakEvens: [Double] { [lowerBreakEven, upperBreakEven] }
    /// Credit / max loss.
    public var returnOnRisk: Double { credit / maxLoss }

    /// Builds the condor after validating `market` and `settings`.
    ///
    /// Throws when the underlying is VIX, the width is not a multiple of the strike step, no
    /// strike lies on a side of `S`, the long put would be at or below zero, or the credit is
    /// not strictly between 0 and `100 × width` (possible with a steep skew or a tiny `T`).
    public static func build(
        market: Market, settings: CondorSettings, fills: TradeSettings = .frictionless
    ) throws(ModelError) -> IronCondor {
        let underlying = try validatedUnderlying(market: market, settings: settings, fills: fills)
        let width = settings.effectiveWidth
        let step = underlying.strikeStep
        guard (width / step).rounded() == width / step else {
            throw .outOfRange(quantity: "wing width", value: width,
                              valid: "a multiple of \(ModelFormat.plain(step)) points on \(underlying.ticker)")
        }
        let pricing = IndexPricing(market: market, underlying: underlying, dte: settings.dte)
        let shortPut = try StrikeSearch.shortPut(pricing, delta: settings.delta)
        let shortCall = try StrikeSearch.shortCall(pricing, delta: settings.delta)
        guard shortPut - width > 0 else {
            throw .noStrike("the long put \(ModelFormat.plain(shortPut)) − \(ModelFormat.plain(width)) "
                + "would be at or below zero: narrow the wings")
        }
        return try IronCondor(pricing: pricing, delta: settings.delta, width: width,
                              shortPut: shortPut, shortCall: shortCall, fills: fills)
    }

    /// Checks the market, the settings and the fills, and says which underlying the condor is on.
    static func validatedUnderlying(
        market: Market, settings: CondorSettings, fills: TradeSettings
    ) throws(ModelError) -> Underlying {
        try market.validate()
        try settings.validate()
        try fills.validate()
        guard settings.underlying != .vix else { throw .unavailable("iron condors are built on SPX or XSP, not VIX") }
        return settings.underlying
    }

    /// Prices the four legs and derives every figure; the strikes are already chosen.
    init(
        pricing: IndexPricing, delta: Double, width: Double, shortPut: Double, shortCall: Double,
        fills: TradeSettings = .frictionless
    ) throws(ModelError) {
        self.pricing = pricing
        self.delta = delta
        let step = pricing.underlying.strikeStep
        let calls = StrikeSearch.listedIndices(.call, underlying: pricing.underlying, level: pricing.level)
        putDeltaMissed = shortPut <= step
        callDeltaMissed = calls.map { Double($0.upperBound) * step <= shortCall } ?? false
        self.width = width
        self.shortPut = shortPut
        self.longPut = shortPut - width
        self.shortCall = shortCall
        self.longCall = shortCall + width
        shortPutQuote = pricing.quote(.put, strike: shortPut)
        longPutQuote = pricing.quote(.put, strike: longPut)
        shortCallQuote = pricing.quote(.call, strike: shortCall)
        longCallQuote = pricing.quote(.call, strike: longCall)
        let legs = [(shortPutQuote, -1.0), (longPutQuote, 1.0), (shortCallQuote, -1.0), (longCallQuote, 1.0)]
        modelCredit = -100 * legs.reduce(0) { $0 + $1.1 * $1.0.price }
        guard modelCredit > 0, modelCredit < 100 * width else {
            throw .outOfRange(
                quantity: "condor credit", value: modelCredit,
                valid: "more than $0 and less than \(ModelFormat.dollars(100 * width)) (100 × wing width); "
                    + "the model prices give no sensible condor here")
        }
        let u = pricing.underlying
        slippage = fills.slippage(on: u)
        feePerLeg = fills.fees
        shortPutFill = fills.sellFill(mid: shortPutQuote.price, on: u)
        longPutFill = fills.buyFill(mid: longPutQuote.price, on: u)
        shortCallFill = fills.sellFill(mid: shortCallQuote.price, on: u)
        longCallFill = fills.buyFill(mid: longCallQuote.price, on: u)
        // With no slippage and no fees the fills are the mids and this is the model credit, exactly.
        let filled = fills.slippage == 0 && fills.fees == 0 ? modelCredit
            : 100 * (shortPutFill - longPutFill + shortCallFill - longCallFill) - 4 * fills.fees
        credit = filled
        maxLoss = 100 * width - credit
        lowerBreakEven = shortPut - credit / 100
        upperBreakEven = shortCall + credit / 100
        let expiry = IronCondor.ExpiryDistribution(pricing: pricing)
        probabilityOfProfit = expiry.probabilityBetween(lowerBreakEven, upperBreakEven)
        // The regions are disjoint (Klp < lower BE, upper BE < Klc); `min` only absorbs rounding.
        probabilityOfMaxLoss = min(expiry.probabilityOutside(longPut, longCall), 1 - probabilityOfProfit)
        touchShortPut = expiry.touchProbability(shortPut)
        touchShortCall = expiry.touchProbability(shortCall)
        greeks = Greeks(
            delta: 100 * legs.reduce(0) { $0 + $1.1 * $1.0.delta },
            gamma: 100 * legs.reduce(0) { $0 + $1.1 * $1.0.gamma },
            vega: 100 * legs.reduce(0) { $0 + $1.1 * $1.0.vega },
            theta: 100 * legs.reduce(0) { $0 + $1.1 * $1.0.theta })
    }
}
