import HedgebookModel

/// `open condor 5615/5665p 6425/6475c x7 at 14.20`, `hedge L1 22/32 x8 at 0.98`: an order as
/// traded. Every part is optional; the model fills in what is left out (docs/whatif.md).
public struct OrderRequest: Equatable, Sendable {
    public var kind: PositionKind
    /// Typed strikes: a condor's long put, short put, short call, long call; a layer's long call
    /// (and short call for L1 and L2). Checked for order, grid-free shape and equal wings when parsed.
    public var strikes: [Double]?
    /// Typed contracts (condors or spreads).
    public var contracts: Int?
    /// Typed price per unit: a condor's credit, a layer's debit.
    public var price: Double?
    /// `!`: past the cap, recorded on the position.
    public var force = false
    /// 0-based indexes of the parts among the arguments, for located errors.
    public var strikesArgument: Int?, contractsArgument: Int?, priceArgument: Int?

    public init(_ kind: PositionKind, strikes: [Double]? = nil, contracts: Int? = nil, price: Double? = nil,
                force: Bool = false) {
        self.kind = kind
        self.strikes = strikes
        self.contracts = contracts
        self.price = price
        self.force = force
    }

    /// Nothing typed: the model's strikes, size and price.
    public var isModelOrder: Bool { strikes == nil && contracts == nil && price == nil && !force }

    /// Equal when the order is the same; where its parts were typed does not matter.
    public static func == (a: OrderRequest, b: OrderRequest) -> Bool {
        a.kind == b.kind && a.strikes == b.strikes && a.contracts == b.contracts && a.price == b.price
            && a.force == b.force
    }
}

/// `close`, `close at 3.10`, `close L1 at 2.45`: the price per unit is the condor's debit or the
/// layer's proceeds; without it, the model's (with slippage).
public struct CloseRequest: Equatable, Sendable {
    public var kind: PositionKind
    public var price: Double?
    public var priceArgument: Int?

    public init(_ kind: PositionKind, price: Double? = nil) {
        self.kind = kind
        self.price = price
    }

    public static func == (a: CloseRequest, b: CloseRequest) -> Bool { a.kind == b.kind && a.price == b.price }
}

/// What `quote` and `iv` price: a held position, or one listed option `DTE` days out.
public enum QuoteTarget: Equatable, Sendable {
    case position(PositionKind)
    case option(Underlying, OptionKind, strike: Double, dte: Int)
}

/// `quote condor 3.10`, `quote spx put 5800 30 at 25.10`: a market price per unit.
public struct QuoteRequest: Equatable, Sendable {
    public var target: QuoteTarget
    public var price: Double

    public init(_ target: QuoteTarget, price: Double) {
        self.target = target
        self.price = price
    }
}

/// `iv spx put 5800 30 at 25.10`, `iv condor`: implied volatility of a price (or of the quotes held).
public struct ImpliedVolRequest: Equatable, Sendable {
    public var target: QuoteTarget
    public var price: Double?
    /// 0-based index of the price among the arguments.
    public var priceArgument = 0

    public static func == (a: ImpliedVolRequest, b: ImpliedVolRequest) -> Bool { a.target == b.target && a.price == b.price }

    public init(_ target: QuoteTarget, price: Double? = nil) {
        self.target = target
        self.price = price
    }
}

/// `payoff [vix] [at DATE | at +7d] [--svg FILE]`: the risk graph of what is held (or planned).
public struct PayoffRequest: Equatable, Sendable {
    /// Against VIX (the layers) instead of SPX.
    public var vix = false
    /// The T+N curve: days ahead, or a date (resolved against the session's date).
    public var days: Int?
    public var date: CalendarDate?
    /// Written as an SVG to this file; `overwrite` with `--svg!`.
    public var svg: String?
    public var overwrite = false
    /// 0-based indexes of the `at` value and the file among the arguments.
    public var atArgument = 0, svgArgument = 1

    public init(vix: Bool = false, days: Int? = nil, date: CalendarDate? = nil, svg: String? = nil, overwrite: Bool = false) {
        self.vix = vix
        self.days = days
        self.date = date
        self.svg = svg
        self.overwrite = overwrite
    }

    public static func == (a: PayoffRequest, b: PayoffRequest) -> Bool {
        a.vix == b.vix && a.days == b.days && a.date == b.date && a.svg == b.svg && a.overwrite == b.overwrite
    }
}
