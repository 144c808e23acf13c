/// One dated line of the journal (METHOD §7): a result, a flow, a credit, or a hedge trade.
public struct JournalEntry: Sendable, Equatable, Codable {
    /// The session date the entry was recorded on.
    public var date: CalendarDate
    /// What was recorded.
    public var kind: Kind
    /// The marked equity (realised equity + the open positions' open P&L) after the cell that
    /// recorded the entry; `nil` when the entry was made outside a session (a bare fold).
    public var markedEquity: Double?

    /// What a journal entry records; every amount is a positive magnitude in dollars.
    public enum Kind: Sendable, Equatable, Codable {
        case account(Double)
        case deposit(Double)
        case withdraw(Double)
        case win(Double)
        case loss(Double)
        /// Credit received for condors opened, as filled and net of the opening fees `fees`
        /// (the denominator of hedge cost / credit).
        case credit(Double, fees: Double = 0)
        /// A condor closed or settled: its own realised P&L `pnl` (fills and both sides' fees
        /// included) moves the equity; `result` (net of the hedges realised during its life under
        /// `netting net`) goes through the martingale; `fees` are the closing fees.
        case condorClosed(pnl: Double, result: Double, fees: Double)
        /// Hedge contracts bought for `premium` dollars in all (fills), plus `fees`.
        case hedgeBought(HedgeLayerKind, premium: Double, contracts: Int, fees: Double = 0)
        /// Hedge contracts sold (or settled, or written off) for `proceeds` dollars in all, less
        /// `fees`; `pnl` = proceeds − closing fees − premium − opening fees, realised into equity.
        case hedgeSold(HedgeLayerKind, proceeds: Double, contracts: Int, fees: Double = 0, pnl: Double = 0)
        /// The market value of everything still held in a layer (0 is allowed: worthless).
        case hedgeMark(HedgeLayerKind, value: Double)
    }

    public init(date: CalendarDate, _ kind: Kind) {
        self.date = date
        self.kind = kind
    }

    /// The entry for an ``AccountEvent``.
    public init(date: CalendarDate, event: AccountEvent) {
        self.date = date
        switch event {
        case .account(let x): kind = .account(x)
        case .deposit(let x): kind = .deposit(x)
        case .withdraw(let x): kind = .withdraw(x)
        case .win(let x): kind = .win(x)
        case .loss(let x): kind = .loss(x)
        }
    }

    /// The martingale event this entry is, or `nil` for credits and hedge trades.
    public var accountEvent: AccountEvent? {
        switch kind {
        case .account(let x): return .account(x)
        case .deposit(let x): return .deposit(x)
        case .withdraw(let x): return .withdraw(x)
        case .win(let x): return .win(x)
        case .loss(let x): return .loss(x)
        case .credit, .condorClosed, .hedgeBought, .hedgeSold, .hedgeMark: return nil
        }
    }

    /// The hedge layer the entry is about, if any.
    public var layer: HedgeLayerKind? {
        switch kind {
        case .hedgeBought(let l, _, _, _), .hedgeSold(let l, _, _, _, _), .hedgeMark(let l, _): return l
        default: return nil
        }
    }

    /// Checks the amounts (account events are checked by the martingale when folded).
    public func validate() throws(ModelError) {
        switch kind {
        case .account, .deposit, .withdraw, .win, .loss: return
        case .credit(let x, let f):
            _ = try Validate.finite(x, "credit received")
            _ = try Validate.nonNegative(f, "fees")
        case .condorClosed(let pnl, let result, let f):
            _ = try Validate.finite(pnl, "condor P&L")
            _ = try Validate.finite(result, "trade result")
            _ = try Validate.nonNegative(f, "fees")
        case .hedgeBought(_, let p, let n, let f):
            _ = try Validate.positive(p, "hedge premium")
            _ = try Validate.nonNegative(f, "fees")
            guard n > 0 else { throw .notPositive(quantity: "hedge contracts", value: Double(n)) }
        case .hedgeSold(_, let p, let n, let f, let pnl):
            _ = try Validate.nonNegative(p, "hedge proceeds")
            _ = try Validate.nonNegative(f, "fees")
            _ = try Validate.finite(pnl, "hedge P&L")
            guard n > 0 else { throw .notPositive(quantity: "hedge contracts", value: Double(n)) }
        case .hedgeMark(_, let v): _ = try Validate.nonNegative(v, "hedge mark")
        }
    }
}

/// A point of the equity curve: the equity after an entry.
public struct EquityPoint: Sendable, Equatable, Codable {
    public var date: CalendarDate
    public var equity: Double

    public init(date: CalendarDate, equity: Double) {
        self.date = date
        self.equity = equity
    }
}

/// The largest peak-to-trough fall of the equity curve, net of deposits and withdrawals.
public struct Drawdown: Sendable, Equatable, Codable {
    /// Dollars from the peak to the trough (0 when the curve never fell).
    public var dollars: Double
    /// `dollars / peak`.
    public var fraction: Double
    public var peakDate: CalendarDate?
    public var troughDate: CalendarDate?

    public init(dollars: Double, fraction: Double, peakDate: CalendarDate?, troughDate: CalendarDate?) {
        self.dollars = dollars
        self.fraction = fraction
        self.peakDate = peakDate
        self.troughDate = troughDate
    }
}

/// A hedge layer's own ledger: premium out, proceeds and marks back, and its IRR.
public struct LayerLedger: Sendable, Equatable, Codable {
    public var layer: HedgeLayerKind
    public var premiumPaid: Double
    public var proceeds: Double
    /// Value of what is still held: the latest mark, if none was recorded after the last trade; else 0.
    public var heldValue: Double
    public var contractsHeld: Int
    /// When the layer last went from no contracts to some (the L2 time-shift counts from here).
    public var openedOn: CalendarDate?
    /// `proceeds + held value − premium paid`.
    public var pnl: Double { proceeds + heldValue - premiumPaid }
    public var irr: IRR
}

/// Hedge cost and condor credit within one cycle.
public struct CycleHedgeCost: Sendable, Equatable, Codable {
    public var cycle: Int
    public var premium: Double
    public var credit: Double
    /// `premium / credit`, `nil` when no credit was recorded in the cycle.
    public var ratio: Double?

    public init(cycle: Int, premium: Double, credit: Double, ratio: Double?) {
        self.cycle = cycle
        self.premium = premium
        self.credit = credit
        self.ratio = ratio
    }
}
