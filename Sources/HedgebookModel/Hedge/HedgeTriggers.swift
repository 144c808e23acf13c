/// What the layer triggers look at: all inputs, nothing read from a clock (METHOD §6).
public struct HedgeTriggerInputs: Sendable, Equatable, Codable {
    /// The session's date.
    public var date: CalendarDate
    /// VIX now.
    public var vix: Double
    /// VIX when the current cycle began; `nil` when unknown (the spike test is then not met).
    public var vixAtCycleStart: Double?
    /// Names of market events flagged (CPI, PPI, FOMC); any one fires L1.
    public var flaggedEvents: [String]
    /// SPX now, and the open condor's break-evens (`lower...upper`); `nil` when no condor is open.
    public var spx: Double?
    public var breakEvens: ClosedRange<Double>?
    /// The martingale step of the next trade.
    public var step: Int
    /// When L1 was opened, and its P&L now (premium back minus premium paid); `nil` when not open.
    public var l1OpenDate: CalendarDate?
    public var l1PnL: Double?

    public init(
        date: CalendarDate, vix: Double, vixAtCycleStart: Double?, flaggedEvents: [String] = [],
        spx: Double? = nil, breakEvens: ClosedRange<Double>? = nil, step: Int = 1,
        l1OpenDate: CalendarDate? = nil, l1PnL: Double? = nil
    ) {
        self.date = date
        self.vix = vix
        self.vixAtCycleStart = vixAtCycleStart
        self.flaggedEvents = flaggedEvents
        self.spx = spx
        self.breakEvens = breakEvens
        self.step = step
        self.l1OpenDate = l1OpenDate
        self.l1PnL = l1PnL
    }
}

/// Whether one layer's trigger fires, and why or why not.
public struct HedgeTrigger: Sendable, Equatable, Codable {
    public var layer: HedgeLayerKind
    public var fires: Bool
    /// One sentence per condition, met or not: "VIX 21.6 ≥ 1.2 × 18 = 21.6".
    public var reasons: [String]
    /// L2 only: the time-shift window, L1's open date + 7 ... + 14.
    public var window: ClosedRange<CalendarDate>?
    /// A leaf tree (1 fired, 0 not) carrying the reasons as its rule.
    public var explanation: Explanation

    init(_ layer: HedgeLayerKind, _ fires: Bool, _ reasons: [String], window: ClosedRange<CalendarDate>? = nil) {
        self.layer = layer
        self.fires = fires
        self.reasons = reasons
        self.window = window
        self.explanation = Explanation(
            "\(layer.label) trigger", fires ? 1 : 0, .count,
            rule: reasons.joined(separator: "; "), note: fires ? "fires" : "does not fire")
    }
}

/// The three triggers of METHOD §6.
///
/// ```
/// L1: VIX ≥ spike × VIX at cycle start,  or an event flagged,  or SPX outside the break-evens
/// L2: L1 open date + 7 ≤ date ≤ L1 open date + 14,  and L1's P&L < 0
/// L3: step ≥ 3,  or VIX ≥ 30
/// ```
/// Thresholds are inclusive; the VIX comparisons allow 1e-12 relative rounding, so VIX 21.6
/// fires at 1.2 × 18. SPX *on* a break-even is not beyond it.
public enum HedgeTriggers {
    /// Evaluates L1, L2 and L3 in order.
    public static func evaluate(_ x: HedgeTriggerInputs, settings: HedgeSettings) throws(ModelError) -> [HedgeTrigger] {
        try settings.validate()
        _ = try Validate.positive(x.vix, "VIX level")
        if let v = x.vixAtCycleStart { _ = try Validate.positive(v, "VIX at cycle start") }
        if let s = x.spx { _ = try Validate.positive(s, "SPX level") }
        if let p = x.l1PnL { _ = try Validate.finite(p, "L1 P&L") }
        return [l1(x, settings), l2(x, settings), l3(x, settings)]
    }

    static func atLeast(_ a: Double, _ b: Double) -> Bool { a >= b * (1 - 1e-12) }

    static func l1(_ x: HedgeTriggerInputs, _ s: HedgeSettings) -> HedgeTrigger {
        var reasons: [String] = []
        var fires = false
        let vix = SizingText.plain(x.vix)
        if let v0 = x.vixAtCycleStart {
            let threshold = s.spikeFactor * v0
            let spike = atLeast(x.vix, threshold)
            fires = fires || spike
            reasons.append("VIX \(vix) \(spike ? "≥" : "<") \(SizingText.plain(s.spikeFactor)) × "
                + "\(SizingText.plain(v0)) = \(SizingText.plain(threshold)) (spike \(spike ? "met" : "not met"))")
        } else {
            reasons.append("VIX at cycle start unknown: no spike test")
        }
        if x.flaggedEvents.isEmpty {
            reasons.append("no CPI/PPI/FOMC event flagged")
        } else {
            fires = true
            reasons.append("event flagged: " + x.flaggedEvents.joined(separator: ", "))
        }
        if let spx = x.spx, let be = x.breakEvens {
            let beyond = spx < be.lowerBound || spx > be.upperBound
            fires = fires || beyond
            let where_ = spx < be.lowerBound ? "below the lower break-even \(SizingText.plain(be.lowerBound))"
                : spx > be.upperBound ? "above the upper break-even \(SizingText.plain(be.upperBound))"
                : "inside the break-evens \(SizingText.plain(be.lowerBound))–\(SizingText.plain(be.upperBound))"
            reasons.append("SPX \(SizingText.plain(spx)) \(where_)")
        } else {
            reasons.append("no open condor: no break-even test")
        }
        return HedgeTrigger(.l1, fires, reasons)
    }

    static func l2(_ x: HedgeTriggerInputs, _ s: HedgeSettings) -> HedgeTrigger {
        guard let open = x.l1OpenDate else { return HedgeTrigger(.l2, false, ["L1 is not open: L2 follows L1"]) }
        let from = open.adding(days: s.timeShiftWindow.lowerBound)
        let to = open.adding(days: s.timeShiftWindow.upperBound)
        let day = open.days(to: x.date)
        let inWindow = from <= x.date && x.date <= to
        var reasons = [
            inWindow ? "day \(day) after L1 (opened \(open)) is inside the window \(from) to \(to)"
                : x.date < from ? "day \(day) after L1 (opened \(open)): the window opens \(from) (runs to \(to))"
                : "day \(day) after L1 (opened \(open)): the window closed \(to) (it opened \(from))",
        ]
        let losing: Bool
        if let pnl = x.l1PnL {
            losing = pnl < 0
            reasons.append("L1 P&L \(SizingText.signed(pnl)) \(losing ? "is negative" : "is not negative")")
        } else {
            losing = false
            reasons.append("L1 P&L unknown: record a mark for L1")
        }
        return HedgeTrigger(.l2, inWindow && losing, reasons, window: from...to)
    }

    static func l3(_ x: HedgeTriggerInputs, _ s: HedgeSettings) -> HedgeTrigger {
        let deep = x.step >= s.anchorStep
        let high = atLeast(x.vix, s.anchorVix)
        return HedgeTrigger(.l3, deep || high, [
            "martingale step \(x.step) \(deep ? "≥" : "<") \(s.anchorStep)",
            "VIX \(SizingText.plain(x.vix)) \(high ? "≥" : "<") \(SizingText.plain(s.anchorVix))",
        ])
    }
}

/// Hedge cost ÷ condor credit: the journal's measure of over-hedging (METHOD §6).
public enum HedgeCostRatio {
    /// `premium / credit`, or `nil` (with the tree saying why) when no credit was received.
    public static func ratio(premium: Double, credit: Double) throws(ModelError) -> (value: Double?, explanation: Explanation) {
        _ = try Validate.nonNegative(premium, "hedge premium")
        _ = try Validate.nonNegative(credit, "condor credit")
        let inputs: [Explanation] = [.input("hedge premium paid", premium, .dollars), .input("condor credit received", credit, .dollars)]
        guard credit > 0 else {
            return (nil, Explanation("hedge cost / credit", 0, .ratio, rule: "premium ÷ credit", inputs: inputs,
                note: "undefined: no condor credit recorded"))
        }
        let r = premium / credit
        return (r, Explanation("hedge cost / credit", r, .ratio, rule: "premium ÷ credit", inputs: inputs))
    }
}
