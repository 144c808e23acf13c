/// What the journal reports (METHOD §7), folded from its entries on a given date.
///
/// Choices where the method is silent:
/// - **Hedges have their own ledger.** Hedge trades do not move the equity: the equity is the
///   martingale's (`account`, `deposit`, `withdraw`, `win`, `loss`), so its cycle arithmetic
///   stays the sources' arithmetic; a trader who wants hedge P&L in equity records it in the
///   trade's `win`/`loss`. Each layer reports its own P&L and IRR.
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
    public var wins: Int
    public var losses: Int
    /// `wins / (wins + losses)`; `nil` with no trades.
    public var winRate: Double?
    public var averageWin: Double?
    public var averageLoss: Double?
    /// `avg loss / (avg win + avg loss)`; `nil` unless there are both wins and losses.
    public var breakEvenWinRate: Double?
    public var maxDrawdown: Drawdown
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
    public init(entries: some Collection<JournalEntry>, asOf: CalendarDate, settings: SizingSettings) throws(ModelError) {
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
        self.wins = fold.winAmounts.count
        self.losses = fold.lossAmounts.count
        let trades = wins + losses
        self.winRate = trades > 0 ? Double(wins) / Double(trades) : nil
        self.averageWin = fold.winAmounts.isEmpty ? nil : fold.winAmounts.reduce(0, +) / Double(wins)
        self.averageLoss = fold.lossAmounts.isEmpty ? nil : fold.lossAmounts.reduce(0, +) / Double(losses)
        if let w = averageWin, let l = averageLoss { breakEvenWinRate = l / (w + l) } else { breakEvenWinRate = nil }
        self.maxDrawdown = fold.drawdown
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
        if s.hasAccount { flows.append(CashFlow(date: asOf, amount: s.equity, label: "equity on")) }
        self.irr = try XIRR.solve(flows)
        var ledgers: [LayerLedger] = []
        for kind in HedgeLayerKind.allCases { ledgers.append(try fold.ledger(kind, asOf: asOf)) }
        self.layers = ledgers
        self.explanations = []
        self.explanations = explain(settings: settings)
    }
}
