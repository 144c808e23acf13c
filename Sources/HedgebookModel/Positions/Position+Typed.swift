/// Where a position's fill came from: the model (mids with slippage) or a price the user typed.
public enum FillSource: String, Sendable, Equatable, Codable {
    case model, typed
}

extension IronCondor {
    /// The condor on typed strikes, priced by the model: the strikes are kept exactly.
    ///
    /// Throws when the wings are unequal, a strike is off `underlying`'s listing grid, the strikes
    /// are not `long put < short put < short call < long call`, or the model's credit is not
    /// between 0 and 100 × width.
    public static func typed(
        market: Market, settings: CondorSettings, longPut: Double, shortPut: Double, shortCall: Double, longCall: Double,
        fills: TradeSettings = .frictionless
    ) throws(ModelError) -> IronCondor {
        let underlying = try validatedUnderlying(market: market, settings: settings, fills: fills)
        let step = underlying.strikeStep
        for k in [longPut, shortPut, shortCall, longCall] where (k / step).rounded() != k / step {
            throw .outOfRange(quantity: "strike", value: k,
                              valid: "the listing grid: \(underlying.ticker) lists strikes every \(ModelFormat.plain(step)) point\(step == 1 ? "" : "s")")
        }
        guard longPut < shortPut, shortPut < shortCall, shortCall < longCall else {
            throw .outOfRange(quantity: "strikes", value: shortPut, valid: "long put < short put < short call < long call")
        }
        let width = shortPut - longPut
        guard longCall - shortCall == width else {
            throw .outOfRange(quantity: "call wing", value: longCall - shortCall, valid: "equal to the put wing, \(ModelFormat.plain(width))")
        }
        let pricing = IndexPricing(market: market, underlying: underlying, dte: settings.dte)
        return try IronCondor(pricing: pricing, delta: settings.delta, width: width, shortPut: shortPut, shortCall: shortCall,
                              fills: fills)
    }
}

extension Position {
    /// The position with its legs' entry prices moved so that the net price per unit is `price`
    /// (a condor's credit, a layer's debit), and marked as typed. A typed price is the fill: the
    /// difference is taken from the fills the model gave (mids ± slippage); fees are apart.
    ///
    /// ```
    /// Δ = typed − model net per unit
    /// condor: Δ > 0 → each short leg + Δ/2;   Δ < 0 → each long leg + |Δ|/2   (no price below 0)
    /// layer:  Δ > 0 → the long leg + Δ;        Δ < 0 → the short leg + |Δ|     (L3: the long leg = typed)
    /// ```
    /// Only the net is known from a fill; spreading the difference so keeps every leg's price ≥ 0
    /// and the net exact.
    public func filled(atNet price: Double) -> Position {
        var p = self
        p.source = .typed
        let units = Double(contracts) * (legs.first?.underlying.multiplier ?? 100)
        let modelNet = kind == .condor ? -entryValue / units : entryValue / units
        let delta = price - modelNet
        let condor = kind == .condor
        let shorts = legs.indices.filter { legs[$0].quantity < 0 }
        let longs = legs.indices.filter { legs[$0].quantity > 0 }
        // Raising a short's price raises a condor's credit and lowers a spread's debit.
        let raise = (condor ? delta > 0 : delta < 0) ? shorts : longs
        let share = abs(delta) / Double(max(raise.count, 1))
        if raise.isEmpty {
            for i in longs { p.legs[i].entryPrice = price }
        } else {
            for i in raise { p.legs[i].entryPrice += share }
        }
        return p
    }

    /// The net price per unit it was opened at, its fills, fees apart: a condor's credit, a layer's debit.
    public var fill: Double {
        let units = Double(max(contracts, 1)) * (legs.first?.underlying.multiplier ?? 100)
        return kind == .condor ? -entryValue / units : entryValue / units
    }
}
