/// The running fold behind ``JournalReport``: one pass over the entries.
struct JournalFold {
    var state = MartingaleState()
    /// Cycles that have ended, oldest first.
    var cycles: [CompletedCycle] = []
    var lastDate: CalendarDate?
    var curve: [EquityPoint] = []
    var winAmounts: [Double] = []
    var lossAmounts: [Double] = []
    var peak = 0.0
    var peakDate: CalendarDate?
    /// The largest fall in dollars, and separately the largest as a fraction of its peak.
    var drawdown = Drawdown(dollars: 0, fraction: 0, peakDate: nil, troughDate: nil)
    var drawdownPct = Drawdown(dollars: 0, fraction: 0, peakDate: nil, troughDate: nil)
    /// Fees paid, all positions.
    var fees = 0.0
    /// Every dated entry with the equity (realised) and marked equity after it.
    var ledger: [LedgerLine] = []
    /// Credit and hedge premium by cycle number.
    var credit: [Int: Double] = [:]
    var premium: [Int: Double] = [:]
    /// External flows since the latest `account`, investor's side.
    var flows: [CashFlow] = []
    /// Per layer: every buy and sale as a flow, the latest mark and the contracts held.
    var layerFlows: [HedgeLayerKind: [CashFlow]] = [:]
    var layerMark: [HedgeLayerKind: (date: CalendarDate, value: Double)] = [:]
    var layerLastTrade: [HedgeLayerKind: CalendarDate] = [:]
    var layerHeld: [HedgeLayerKind: Int] = [:]
    var layerOpened: [HedgeLayerKind: CalendarDate] = [:]

    mutating func add(_ e: JournalEntry, settings: SizingSettings) throws(ModelError) {
        if let last = lastDate, e.date < last {
            throw .outOfRange(
                quantity: "entry date", value: Double(e.date.serial),
                valid: "on or after the previous entry (\(last)), not \(e.date)")
        }
        try e.validate()
        if let event = e.accountEvent {
            if let done = try state.apply(event, settings: settings).endedCycle { cycles.append(done) }
            record(event, on: e.date)
        } else {
            guard state.hasAccount else { throw .unavailable("no account yet: record `account X` first") }
            hedge(e, settings: settings)
        }
        // Every dated entry is a point of the curve, at the marked equity it carries (METHOD §7).
        let marked = e.markedEquity ?? state.equity
        point(e.date, marked)
        ledger.append(LedgerLine(entry: e, equity: state.equity, markedEquity: marked))
        lastDate = e.date
    }

    /// A point of the equity curve: both drawdowns move with it.
    private mutating func point(_ date: CalendarDate, _ equity: Double) {
        if equity > peak { peak = equity; peakDate = date }
        let dd = peak - equity
        if dd > drawdown.dollars, peak > 0 {
            drawdown = Drawdown(dollars: dd, fraction: dd / peak, peakDate: peakDate, troughDate: date)
        }
        if peak > 0, dd / peak > drawdownPct.fraction {
            drawdownPct = Drawdown(dollars: dd, fraction: dd / peak, peakDate: peakDate, troughDate: date)
        }
        curve.append(EquityPoint(date: date, equity: equity))
    }

    private mutating func record(_ event: AccountEvent, on date: CalendarDate) {
        let x = event.amount
        switch event {
        case .account:
            flows = [CashFlow(date: date, amount: -x, label: "account")]
            peak = x
            peakDate = date
        case .deposit:
            flows.append(CashFlow(date: date, amount: -x, label: "deposit"))
            peak += x
        case .withdraw:
            flows.append(CashFlow(date: date, amount: x, label: "withdraw"))
            peak -= x
        case .win: winAmounts.append(x)
        case .loss: lossAmounts.append(x)
        }
    }

    private mutating func hedge(_ e: JournalEntry, settings: SizingSettings) {
        let c = state.cycle
        switch e.kind {
        case .credit(let x, let f):
            credit[c, default: 0] += x
            fees += f
        case .condorClosed(let pnl, let result, let f):
            fees += f
            if result >= MartingaleState.scratch { winAmounts.append(result) }
            else if result <= -MartingaleState.scratch { lossAmounts.append(-result) }
            if let t = state.record(result: result, equityChange: pnl, settings: settings), let done = t.endedCycle {
                cycles.append(done)
            }
        case .hedgeBought(let l, let p, let n, let f):
            premium[c, default: 0] += p
            fees += f
            layerFlows[l, default: []].append(CashFlow(date: e.date, amount: -(p + f), label: "\(l.label) bought"))
            if layerHeld[l, default: 0] == 0 { layerOpened[l] = e.date }
            layerHeld[l, default: 0] += n
            layerLastTrade[l] = e.date
        case .hedgeSold(let l, let p, let n, let f, let pnl):
            fees += f
            state.realise(pnl)
            layerFlows[l, default: []].append(CashFlow(date: e.date, amount: p - f, label: "\(l.label) sold"))
            layerHeld[l] = max(0, layerHeld[l, default: 0] - n)
            if layerHeld[l] == 0 { layerOpened[l] = nil }
            layerLastTrade[l] = e.date
        case .hedgeMark(let l, let v): layerMark[l] = (e.date, v)
        default: break
        }
    }

    /// The ledger of one layer on `asOf`; a mark older than the layer's last trade is stale and ignored.
    func ledger(_ l: HedgeLayerKind, asOf: CalendarDate) throws(ModelError) -> LayerLedger {
        let fl = layerFlows[l] ?? []
        let held = layerHeld[l] ?? 0
        var value = 0.0
        if held > 0, let m = layerMark[l], m.date >= (layerLastTrade[l] ?? m.date) { value = m.value }
        var flows = fl
        if value > 0 { flows.append(CashFlow(date: asOf, amount: value, label: "\(l.label) mark")) }
        return LayerLedger(
            layer: l,
            premiumPaid: fl.filter { $0.amount < 0 }.reduce(0) { $0 - $1.amount },
            proceeds: fl.filter { $0.amount > 0 }.reduce(0) { $0 + $1.amount },
            heldValue: value, contractsHeld: held, openedOn: layerOpened[l],
            irr: try XIRR.solve(flows))
    }
}

/// One dated entry of the ledger with the account after it.
public struct LedgerLine: Sendable, Equatable, Codable {
    public var entry: JournalEntry
    /// Realised equity after the entry.
    public var equity: Double
    /// Marked equity after the cell that recorded it.
    public var markedEquity: Double
}
