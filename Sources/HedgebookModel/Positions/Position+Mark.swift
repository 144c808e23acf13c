/// A position's greeks in dollars of exposure: per-unit greeks × 100 × quantity, summed over legs.
///
/// Delta is per point of each leg's own underlying (SPX, XSP or the VIX future), so SPX and
/// VIX positions' deltas and vegas are not added together; theta is dollars per calendar day.
public struct PositionGreeks: Sendable, Equatable, Codable {
    public var delta: Double
    public var gamma: Double
    public var vega: Double
    public var theta: Double

    public init(delta: Double = 0, gamma: Double = 0, vega: Double = 0, theta: Double = 0) {
        self.delta = delta
        self.gamma = gamma
        self.vega = vega
        self.theta = theta
    }
}

/// One leg marked: its model quote per unit and its value in dollars.
public struct LegMark: Sendable, Equatable {
    public var leg: OptionLeg
    /// Price and greeks per unit; at or after expiry the intrinsic value and limit greeks.
    public var quote: OptionQuote
    /// `quantity × 100 × price`.
    public var value: Double
    /// `quantity × 100 × (price − entry price)`.
    public var pnl: Double
    /// Whether the price is a typed market quote (MarketQuotes.swift) rather than the model's.
    public var quoted = false
}

/// A position marked at a market and a date.
public struct PositionMark: Sendable, Equatable {
    public var position: Position
    public var legs: [LegMark]
    /// What the position is worth at the model mids, `Σ quantity × 100 × price` (negative for a
    /// short condor).
    public var value: Double
    /// What closing it now would pay or receive before fees: each leg sold at max(0, mid − slippage)
    /// or bought back at mid + slippage; at or after expiry, the intrinsic value.
    public var liquidation: Double
    /// Fees to close it now (none at settlement, none for a layer written off).
    public var closingFees: Double
    /// A layer whose sale value does not exceed its closing fees is written off: zero proceeds, no fee.
    public var writtenOff: Bool
    /// The open P&L: what closing it now would realise, fills and fees of both sides included,
    /// `liquidation − closing fees − entry value − opening fees` (METHOD §12 item 2).
    public var pnl: Double
    public var greeks: PositionGreeks
    /// Whether the date is on or after its expiry (it is worth its intrinsic value).
    public var settled: Bool
    /// Where a quote marks it (MarketQuotes.swift); `nil`: the model alone.
    public var quoteSource: QuoteSource? = nil
}

/// What a quoted mark came from: a quote of the whole position, or quotes of some of its legs.
public enum QuoteSource: String, Sendable, Equatable {
    case position, legs
}

extension OptionLeg {
    /// Price and greeks per unit on `date` in `market` (METHOD §3).
    ///
    /// ```
    /// DTE = days from date to expiry
    /// DTE ≥ 1, SPX/XSP: BSM with σ(K) from the skew at S (XSP: S = SPX / 10)
    /// DTE ≥ 1, VIX:     Black-76 on F = θ + (V − θ)e^{−κ·DTE/365} (or the quote), σ_v(DTE)
    /// DTE ≤ 0:          intrinsic value at SPX, SPX / 10 or the VIX index
    /// ```
    /// Unchecked: `market` must be valid.
    public func quote(market: Market, on date: CalendarDate) -> OptionQuote {
        let dte = date.days(to: expiry)
        switch underlying {
        case .spx, .xsp:
            guard dte >= 1 else {
                return BlackScholes.quote(kind, spot: underlying.level(spx: market.spx), strike: strike, years: 0,
                                          rate: market.rate, dividend: market.dividendYield, volatility: market.atmVolatility)
            }
            return IndexPricing(market: market, underlying: underlying, dte: dte).quote(kind, strike: strike)
        case .vix:
            guard dte >= 1 else {
                return Black76.quote(kind, forward: market.vix, strike: strike, years: 0, rate: market.rate,
                                     volatility: market.vixOptionVolatility(dte: 1))
            }
            return Black76.quote(kind, forward: market.vixFuture(dte: dte), strike: strike, years: Double(dte) / 365,
                                 rate: market.rate, volatility: market.vixOptionVolatility(dte: dte))
        }
    }
}

extension Position {
    /// The position's legs, value, P&L and greeks on `date` in `market`; unchecked (`market` valid).
    ///
    /// ```
    /// value = Σ quantity × 100 × price(leg)          P&L = value − Σ quantity × 100 × entry price
    /// greek = Σ quantity × 100 × greek(leg)
    /// ```
    /// On the day it was opened, in the market it was opened in, with no slippage and no fees, the
    /// P&L is exactly 0: the same formulas give the same prices. At or after expiry each leg is
    /// worth its intrinsic value and settles without fees.
    public func mark(market: Market, on date: CalendarDate, fills: TradeSettings = .frictionless) -> PositionMark {
        var legMarks: [LegMark] = []
        legMarks.reserveCapacity(legs.count)
        var value = 0.0
        var greeks = PositionGreeks()
        let settled = date >= expiry
        var liquidation = 0.0
        for leg in legs {
            let q = leg.quote(market: market, on: date)
            let units = Double(leg.quantity) * leg.underlying.multiplier
            let v = units * q.price
            value += v
            let exit = settled ? q.price
                : (leg.quantity > 0 ? fills.sellFill(mid: q.price, on: leg.underlying) : fills.buyFill(mid: q.price, on: leg.underlying))
            liquidation += units * exit
            greeks.delta += units * q.delta
            greeks.gamma += units * q.gamma
            greeks.vega += units * q.vega
            greeks.theta += units * q.theta
            legMarks.append(LegMark(leg: leg, quote: q, value: v, pnl: v - units * leg.entryPrice))
        }
        var fees = settled ? 0 : fills.fees(legs: legs.count, contracts: contracts)
        var writtenOff = false
        if case .hedge = kind, !settled, liquidation <= fees {
            writtenOff = true
            liquidation = 0
            fees = 0
        }
        if fills.slippage == 0 && fills.fees == 0 && !writtenOff { liquidation = value }
        return PositionMark(position: self, legs: legMarks, value: value, liquidation: liquidation,
                            closingFees: fees, writtenOff: writtenOff,
                            pnl: liquidation - fees - entryValue - openingFees, greeks: greeks, settled: settled)
    }

    /// The value alone (the grid's hot path): `Σ quantity × 100 × price(leg)`.
    public func value(market: Market, on date: CalendarDate) -> Double {
        var value = 0.0
        for leg in legs {
            value += Double(leg.quantity) * leg.underlying.multiplier * leg.quote(market: market, on: date).price
        }
        return value
    }
}
