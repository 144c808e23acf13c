/// One listed option, as a quote names it: underlying, kind, strike and expiry date.
public struct ListedOption: Sendable, Hashable, Codable {
    public var underlying: Underlying
    public var kind: OptionKind
    public var strike: Double
    public var expiry: CalendarDate

    public init(underlying: Underlying, kind: OptionKind, strike: Double, expiry: CalendarDate) {
        self.underlying = underlying
        self.kind = kind
        self.strike = strike
        self.expiry = expiry
    }

    /// "SPX 5800 put".
    public var label: String {
        "\(underlying.ticker) \(ModelFormat.plain(strike, decimals: 2)) \(kind.rawValue)"
    }
}

/// Market prices the user typed (`quote condor 3.10`, `quote spx put 5800 30 at 25.10`): they mark
/// positions instead of the model until the market moves.
///
/// ```
/// position quote p (per unit):  condor value = −p × 100 × contracts (the debit to close)
///                               layer value  = +p × 100 × contracts (what selling it brings)
/// option quote p on a leg:      leg value    = quantity × 100 × p   (the other legs stay at the model)
/// ```
/// A position quote wins over leg quotes. A quoted price is a price, not a mid: no slippage.
public struct MarketQuotes: Sendable, Equatable {
    /// Per unit: a condor's debit to close, a layer's value.
    public var positions: [PositionKind: Double] = [:]
    /// Per unit, by listed option.
    public var options: [ListedOption: Double] = [:]

    public init() {}

    public var isEmpty: Bool { positions.isEmpty && options.isEmpty }

    /// The quote of `leg`'s option, if any.
    public func price(of leg: OptionLeg) -> Double? {
        options[ListedOption(underlying: leg.underlying, kind: leg.kind, strike: leg.strike, expiry: leg.expiry)]
    }
}

extension PositionMark {
    /// The mark with `quotes` in place of the model where they exist (greeks stay the model's).
    ///
    /// ```
    /// quoted value = position quote → sign × p × 100 × contracts
    ///                otherwise      → Σ quantity × 100 × (leg quote, else the leg's mark)
    /// P&L          = quoted value − entry value
    /// ```
    public func quoted(by quotes: MarketQuotes) -> PositionMark {
        guard !quotes.isEmpty, !settled else { return self }
        var m = self
        if let p = quotes.positions[position.kind] {
            let sign: Double = position.kind == .condor ? -1 : 1
            let value = sign * p * 100 * Double(position.contracts)
            m.pnl += value - m.value
            m.value = value
            m.quoteSource = .position
            return m
        }
        var changed = false
        for i in m.legs.indices {
            guard let p = quotes.price(of: m.legs[i].leg) else { continue }
            let units = Double(m.legs[i].leg.quantity) * m.legs[i].leg.underlying.multiplier
            let value = units * p
            let delta = value - m.legs[i].value
            m.legs[i].quote.price = p
            m.legs[i].value = value
            m.legs[i].pnl += delta
            m.legs[i].quoted = true
            m.value += delta
            m.pnl += delta
            changed = true
        }
        if changed { m.quoteSource = .legs }
        return m
    }
}
