extension HedgeTriggers {
    /// Which of L1, L2 and L3 fire, in that order: ``evaluate(_:settings:)`` without the
    /// sentences, for the session's record of when a trigger first fired (it runs after every
    /// command that changes the state, so it must cost nothing next to the command).
    ///
    /// The same rules, inputs and validation as ``evaluate(_:settings:)``; a test holds the two
    /// together over a grid of inputs.
    public static func firing(_ x: HedgeTriggerInputs, settings s: HedgeSettings) throws(ModelError) -> [Bool] {
        try s.validate()
        _ = try Validate.positive(x.vix, "VIX level")
        if let v = x.vixAtCycleStart { _ = try Validate.positive(v, "VIX at cycle start") }
        if let spx = x.spx { _ = try Validate.positive(spx, "SPX level") }
        if let p = x.l1PnL { _ = try Validate.finite(p, "L1 P&L") }
        let spike = x.vixAtCycleStart.map { atLeast(x.vix, s.spikeFactor * $0) } ?? false
        let beyond = x.spx.flatMap { spx in x.breakEvens.map { spx < $0.lowerBound || spx > $0.upperBound } } ?? false
        let l1 = spike || !x.flaggedEvents.isEmpty || beyond
        var l2 = false
        if let open = x.l1OpenDate, let pnl = x.l1PnL {
            let from = open.adding(days: s.timeShiftWindow.lowerBound)
            let to = open.adding(days: s.timeShiftWindow.upperBound)
            l2 = from <= x.date && x.date <= to && pnl < 0
        }
        let l3 = x.step >= s.anchorStep || atLeast(x.vix, s.anchorVix)
        return [l1, l2, l3]
    }
}
