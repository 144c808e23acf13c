/// One option leg of an open position: what was bought or sold, when it expires, and at what price.
///
/// `quantity` is in contracts, positive long and negative short; a contract is 100 units,
/// so the leg's entry value is `quantity × 100 × entryPrice` dollars.
public struct OptionLeg: Sendable, Equatable, Codable {
    /// SPX, XSP or VIX.
    public var underlying: Underlying
    /// Call or put.
    public var kind: OptionKind
    /// Strike in the underlying's points.
    public var strike: Double
    /// The day the option settles; from then on it is worth its intrinsic value.
    public var expiry: CalendarDate
    /// Contracts: positive long, negative short.
    public var quantity: Int
    /// Price per unit the leg was filled at when opened (the model mid ± slippage, METHOD §9).
    public var entryPrice: Double

    public init(
        underlying: Underlying, kind: OptionKind, strike: Double, expiry: CalendarDate,
        quantity: Int, entryPrice: Double
    ) {
        self.underlying = underlying
        self.kind = kind
        self.strike = strike
        self.expiry = expiry
        self.quantity = quantity
        self.entryPrice = entryPrice
    }

    /// "short SPX 5650 put", "long VIX 22 call".
    public var label: String {
        "\(quantity < 0 ? "short" : "long") \(underlying.ticker) \(ModelFormat.plain(strike, decimals: 2)) \(kind.rawValue)"
    }
}

/// What a position is: the condor of the method or one of the three hedge layers.
public enum PositionKind: Sendable, Equatable, Hashable, Codable {
    case condor
    case hedge(HedgeLayerKind)

    /// `condor`, `L1`, `L2`, `L3`: the name `close` takes.
    public var name: String {
        switch self {
        case .condor: return "condor"
        case .hedge(let l): return l.label
        }
    }

    /// The kind a name stands for (`condor`, `L1`…`L3`, any case), or `nil`.
    public init?(name: String) {
        switch name.lowercased() {
        case "condor": self = .condor
        case "l1": self = .hedge(.l1)
        case "l2": self = .hedge(.l2)
        case "l3": self = .hedge(.l3)
        default: return nil
        }
    }
}

/// An open position: its legs, how many units (condors or spreads), and where it belongs.
///
/// Only what was opened is stored; its mark is derived from a market and a date by
/// ``mark(market:on:)`` (Position+Mark.swift), so the session stays a pure fold.
public struct Position: Sendable, Equatable, Codable {
    public var kind: PositionKind
    public var legs: [OptionLeg]
    /// Condors, spreads or calls held (each leg's |quantity|).
    public var contracts: Int
    /// The session date it was opened on.
    public var opened: CalendarDate
    /// The martingale cycle and step it was opened at.
    public var cycle: Int
    public var step: Int
    /// Fees paid to open it (legs × contracts × fees); part of its P&L when it is realised.
    public var openingFees: Double = 0
    /// Whether its fill is the model's or typed (Position+Typed.swift).
    public var source = FillSource.model
    /// Contracts bought past the cap with `!`: how many more than the cap allowed (0: within it).
    public var pastCap = 0

    public init(
        kind: PositionKind, legs: [OptionLeg], contracts: Int, opened: CalendarDate, cycle: Int, step: Int,
        openingFees: Double = 0
    ) {
        self.openingFees = openingFees
        self.kind = kind
        self.legs = legs
        self.contracts = contracts
        self.opened = opened
        self.cycle = cycle
        self.step = step
    }

    /// `condor`, `L1`, `L2`, `L3`.
    public var name: String { kind.name }

    /// The last expiry of its legs: the day it settles.
    public var expiry: CalendarDate { legs.map(\.expiry).max() ?? opened }

    /// Dollars paid to open it at its fills, `Σ quantity × 100 × entry price` (fees apart):
    /// negative for a credit received.
    public var entryValue: Double {
        legs.reduce(0) { $0 + Double($1.quantity) * $1.underlying.multiplier * $1.entryPrice }
    }

    /// A condor's break-evens at expiry, in its underlying's points: `Ksp − c`…`Ksc + c`, with `c`
    /// the credit per unit as filled (the fills less the opening fees); `nil` for a hedge layer.
    public var breakEvens: ClosedRange<Double>? {
        guard kind == .condor, contracts > 0,
              let put = legs.first(where: { $0.kind == .put && $0.quantity < 0 }),
              let call = legs.first(where: { $0.kind == .call && $0.quantity < 0 }) else { return nil }
        let credit = (-entryValue - openingFees) / (put.underlying.multiplier * Double(contracts))
        return (put.strike - credit)...(call.strike + credit)
    }

    /// The four legs of `condor` × `contracts`, opened on `date` at the condor's fills (its DTE is
    /// the calendar days to its listed expiry), with its opening fees.
    public static func condor(
        _ c: IronCondor, contracts: Int, opened date: CalendarDate, cycle: Int, step: Int
    ) -> Position {
        let expiry = date.adding(days: c.dte)
        func leg(_ kind: OptionKind, _ strike: Double, _ sign: Int, _ fill: Double) -> OptionLeg {
            OptionLeg(underlying: c.underlying, kind: kind, strike: strike, expiry: expiry,
                      quantity: sign * contracts, entryPrice: fill)
        }
        return Position(
            kind: .condor,
            legs: [leg(.put, c.longPut, 1, c.longPutFill), leg(.put, c.shortPut, -1, c.shortPutFill),
                   leg(.call, c.shortCall, -1, c.shortCallFill), leg(.call, c.longCall, 1, c.longCallFill)],
            contracts: contracts, opened: date, cycle: cycle, step: step,
            openingFees: c.openingFees * Double(contracts))
    }

    /// The VIX calls of a sized hedge `layer` (a long and a short call for L1/L2, one long call for
    /// L3) × its contracts, opened on `date` at Black-76 mids in `market` filled with `fills`
    /// (long legs at mid + slippage, short at max(0, mid − slippage)), with its opening fees.
    public static func hedge(
        _ layer: HedgeLayer, market: Market, opened date: CalendarDate, cycle: Int, step: Int,
        fills: TradeSettings = .frictionless
    ) -> Position {
        let expiry = date.adding(days: layer.dte)
        let t = Double(layer.dte) / 365
        func leg(_ strike: Double, _ sign: Int) -> OptionLeg {
            let p = Black76.quote(.call, forward: layer.future, strike: strike, years: t,
                                  rate: market.rate, volatility: layer.volatility).price
            let fill = sign > 0 ? fills.buyFill(mid: p, on: .vix) : fills.sellFill(mid: p, on: .vix)
            return OptionLeg(underlying: .vix, kind: .call, strike: strike, expiry: expiry,
                             quantity: sign * layer.contracts, entryPrice: fill)
        }
        var legs = [leg(layer.longStrike, 1)]
        if let s = layer.shortStrike { legs.append(leg(s, -1)) }
        return Position(kind: .hedge(layer.kind), legs: legs, contracts: layer.contracts,
                        opened: date, cycle: cycle, step: step,
                        openingFees: fills.fees(legs: legs.count, contracts: layer.contracts))
    }
}
