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
    /// The mark with the whole position closed at `price` per unit (a condor's debit, a layer's
    /// proceeds): a typed or quoted price is the fill, so no slippage; the closing fees apply, and a
    /// layer whose proceeds do not exceed them is written off (METHOD §12 item 1).
    ///
    /// ```
    /// liquidation = −price × 100 × contracts (condor)  |  +price × 100 × contracts (layer)
    /// P&L         = liquidation − closing fees − entry value − opening fees
    /// ```
    public func closing(atNet price: Double, fills: TradeSettings) -> PositionMark {
        var m = self
        let units = 100 * Double(position.contracts)
        m.liquidation = (position.kind == .condor ? -1 : 1) * price * units
        m.closingFees = settled ? 0 : fills.fees(legs: position.legs.count, contracts: position.contracts)
        m.writtenOff = false
        if case .hedge = position.kind, !settled, m.liquidation <= m.closingFees {
            m.writtenOff = true
            m.liquidation = 0
            m.closingFees = 0
        }
        m.pnl = m.liquidation - m.closingFees - position.entryValue - position.openingFees
        return m
    }

    /// The mark with `quotes` in place of the model where they exist (greeks stay the model's).
    ///
    /// ```
    /// position quote p → value = liquidation = sign × p × 100 × contracts      (``closing(atNet:fills:)``)
    /// leg quotes       → each quoted leg's mid and exit fill are the quote; the others stay the model's
    /// P&L              = liquidation − closing fees − entry value − opening fees
    /// ```
    public func quoted(by quotes: MarketQuotes, fills: TradeSettings) -> PositionMark {
        guard !quotes.isEmpty, !settled else { return self }
        if let p = quotes.positions[position.kind] {
            var m = closing(atNet: p, fills: fills)
            m.value = m.liquidation
            m.quoteSource = .position
            return m
        }
        var m = self
        var changed = false
        var liquidation = 0.0
        for i in m.legs.indices {
            let leg = m.legs[i].leg
            let units = Double(leg.quantity) * leg.underlying.multiplier
            let mid = m.legs[i].quote.price
            guard let p = quotes.price(of: leg) else {
                liquidation += units * (leg.quantity > 0 ? fills.sellFill(mid: mid, on: leg.underlying)
                                                         : fills.buyFill(mid: mid, on: leg.underlying))
                continue
            }
            let value = units * p
            liquidation += value
            m.value += value - m.legs[i].value
            m.legs[i].quote.price = p
            m.legs[i].pnl += value - m.legs[i].value
            m.legs[i].value = value
            m.legs[i].quoted = true
            changed = true
        }
        guard changed else { return self }
        m.quoteSource = .legs
        m.liquidation = liquidation
        m.closingFees = fills.fees(legs: position.legs.count, contracts: position.contracts)
        m.writtenOff = false
        if case .hedge = position.kind, m.liquidation <= m.closingFees {
            m.writtenOff = true
            m.liquidation = 0
            m.closingFees = 0
        }
        if fills.slippage == 0 && fills.fees == 0 && !m.writtenOff { m.liquidation = m.value }
        m.pnl = m.liquidation - m.closingFees - position.entryValue - position.openingFees
        return m
    }
}
