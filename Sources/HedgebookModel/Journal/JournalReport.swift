/// What the journal reports (METHOD §7), folded from its entries on a given date.
///
/// Choices where the method is silent:
/// - **One account** (METHOD §7). Equity = `account` + deposits − withdrawals + every realised P&L,
///   condors and hedge layers alike, each with its fees. The martingale takes each condor's result
///   (net of its hedges under `netting net`); the equity moves by each position's own P&L. Each
///   layer also reports its own ledger: premium (fills and fees), proceeds (less fees), P&L, IRR.
/// - **Marked equity** = equity + the open positions' open P&L; the curve, the drawdowns and the
///   IRR use the marked equity each entry carries (its cell's), and `openPnL` on `asOf`.
/// - **Two drawdowns**: the largest in dollars and the largest as a fraction of its peak, found
///   separately (they can be different falls), each with its peak and trough dates.
/// - **Drawdown is net of flows**: a deposit raises the running peak by the same amount and a
///   withdrawal lowers it, so moving money is never a drawdown. `account X` restarts the peak.
/// - **IRR starts at the latest `account`**: an `account` sets the equity, so earlier history
///   belongs to another statement. Flows: `account` and deposits in (negative), withdrawals out,
///   and the equity on `asOf` out.
/// - Cycles are replayed with the `settings` given: pass the settings the trades were made under.
public struct JournalReport: Sendable, Equatable, Codable {
    public var asOf: CalendarDate
    public var equityCurve: [EquityPoint]
    public var equity: Double
    /// Equity + the open positions' open P&L on ``asOf``.
    public var markedEquity: Double
    /// Fees paid on every position (opening and closing).
    public var fees: Double
    /// Every entry with the equity after it.
    public var ledger: [LedgerLine]
    public var wins: Int
    public var losses: Int
    /// `wins / (wins + losses)`; `nil` with no trades.
    public var winRate: Double?
    public var averageWin: Double?
    public var averageLoss: Double?
    /// `avg loss / (avg win + avg loss)`; `nil` unless there are both wins and losses.
    public var breakEvenWinRate: Double?
    /// The largest fall in dollars.
    public var maxDrawdown: Drawdown
    /// The largest fall as a fraction of its peak (possibly another fall).
    public var maxDrawdownPct: Drawdown
    /// Cycles that ended, and the deepest step any of them reached.
    public var completedCycles: [CompletedCycle]
    public var worstStep: Int
    /// The martingale after the last entry.
    public var martingale: MartingaleState
    public var creditReceived: Double
    public var hedgePremiumPaid: Double
    /// Premium paid ÷ credit received, overall and per cycle; `nil` without credit.
    public var hedgeCostRatio: Double?
    public var cycleHedgeCosts: [CycleHedgeCost]
    public var irr: IRR
    /// L1, L2, L3.
    public var layers: [LayerLedger]
    /// Trees for each headline figure, in the order above.
    public var explanations: [Explanation]

    /// Folds `entries` (in recorded order, dates never going back) as of `asOf`.
    public init(
        entries: some Collection<JournalEntry>, asOf: CalendarDate, settings: SizingSettings, openPnL: Double = 0
    ) throws(ModelError) {
        var fold = JournalFold()
        for e in entries { try fold.add(e, settings: settings) }
        if let last = fold.lastDate, asOf < last {
            throw .outOfRange(
                quantity: "report date", value: Double(asOf.serial),
                valid: "on or after the last entry (\(last)), not \(asOf)")
        }
        let s = fold.state
        self.asOf = asOf
        self.equityCurve = fold.curve
        self.equity = s.equity
        self.markedEquity = s.equity + (openPnL.isFinite ? openPnL : 0)
        self.fees = fold.fees
        self.ledger = fold.ledger
        self.wins = fold.winAmounts.count
        self.losses = fold.lossAmounts.count
        let trades = wins + losses
        self.winRate = trades > 0 ? Double(wins) / Double(trades) : nil
        self.averageWin = fold.winAmounts.isEmpty ? nil : fold.winAmounts.reduce(0, +) / Double(wins)
        self.averageLoss = fold.lossAmounts.isEmpty ? nil : fold.lossAmounts.reduce(0, +) / Double(losses)
        if let w = averageWin, let l = averageLoss { breakEvenWinRate = l / (w + l) } else { breakEvenWinRate = nil }
        self.maxDrawdown = fold.drawdown
        self.maxDrawdownPct = fold.drawdownPct
        self.completedCycles = fold.cycles
        self.worstStep = fold.cycles.map(\.worstStep).max() ?? 0
        self.martingale = s
        self.creditReceived = fold.credit.values.reduce(0, +)
        self.hedgePremiumPaid = fold.premium.values.reduce(0, +)
        self.hedgeCostRatio = creditReceived > 0 ? hedgePremiumPaid / creditReceived : nil
        self.cycleHedgeCosts = Set(fold.credit.keys).union(fold.premium.keys).sorted().map { c in
            let cr = fold.credit[c] ?? 0, pr = fold.premium[c] ?? 0
            return CycleHedgeCost(cycle: c, premium: pr, credit: cr, ratio: cr > 0 ? pr / cr : nil)
        }
        var flows = fold.flows
        if s.hasAccount { flows.append(CashFlow(date: asOf, amount: markedEquity, label: "marked equity on")) }
        self.irr = try XIRR.solve(flows)
        var ledgers: [LayerLedger] = []
        for kind in HedgeLayerKind.allCases { ledgers.append(try fold.ledger(kind, asOf: asOf)) }
        self.layers = ledgers
        self.explanations = []
        self.explanations = explain(settings: settings)
    }
}
