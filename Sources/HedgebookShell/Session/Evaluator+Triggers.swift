import HedgebookModel

/// The first time a hedge trigger fired in a cycle: the session date of the command that made it fire.
///
/// Recorded, not recomputed: after every command that changes the state the triggers are
/// evaluated, and a layer that fires for the first time in the cycle gets the session date.
/// A new cycle forgets the old cycle's dates, and so does opening or closing a condor (the
/// dates are kept per condor, METHOD §12 item 17).
public struct FiredTrigger: Sendable, Equatable {
    public var layer: HedgeLayerKind
    public var date: CalendarDate
    public var cycle: Int
}

extension Evaluator {
    /// What the triggers look at, with the open condor's break-evens (in SPX points) and L1's
    /// open date and marked P&L when they are held.
    static func triggerInputs(_ state: SessionState) -> HedgeTriggerInputs {
        var inputs = HedgeTriggerInputs(
            // L1's spike reference: the VIX at the `open condor` cell, or when the cycle began (§12 item 3).
            date: state.date, vix: state.market.vix, vixAtCycleStart: state.vixAtCondorOpen ?? state.vixAtCycleStart,
            flaggedEvents: state.events.map { $0.event.rawValue.uppercased() },
            spx: state.market.spx, breakEvens: nil, step: state.account.step)
        if let condor = state.positions.first(where: { $0.kind == .condor }), let be = condor.breakEvens {
            let scale = condor.legs.first?.underlying == .xsp ? 10.0 : 1.0
            inputs.breakEvens = (be.lowerBound * scale)...(be.upperBound * scale)
            inputs.step = condor.step  // L3 looks at the open condor's step
        }
        if let l1 = state.positions.first(where: { $0.kind == .hedge(.l1) }) {
            inputs.l1OpenDate = l1.opened
            inputs.l1PnL = l1.mark(market: state.market, on: state.date, fills: state.trade).pnl
        }
        return inputs
    }

    /// Records the session date for each trigger that fires for the first time in the current cycle.
    static func recordFiredTriggers(_ state: inout SessionState) {
        let cycle = state.account.cycle
        state.firedTriggers.removeAll { $0.cycle != cycle }
        // The quick check (no sentences): this runs after every state-changing command.
        guard state.account.hasAccount,
              let fires = try? HedgeTriggers.firing(triggerInputs(state), settings: state.hedge) else { return }
        for (layer, fire) in zip([HedgeLayerKind.l1, .l2, .l3], fires)
        where fire && !state.firedTriggers.contains(where: { $0.layer == layer }) {
            state.firedTriggers.append(FiredTrigger(layer: layer, date: state.date, cycle: cycle))
        }
    }

    /// When `layer`'s trigger first fired in the current cycle, if it has.
    static func firstFired(_ layer: HedgeLayerKind, _ state: SessionState) -> CalendarDate? {
        state.firedTriggers.first { $0.layer == layer && $0.cycle == state.account.cycle }?.date
    }

    /// " (first fired 2026-01-09)" for the `layers` trigger lines when it fired before today,
    /// " (fired 2026-01-09)" when it fired and no longer does, or "" (it fires today, or never did).
    static func firedNote(_ layer: HedgeLayerKind, fires: Bool, _ state: SessionState) -> String {
        guard let date = firstFired(layer, state), !(fires && date == state.date) else { return "" }
        return fires ? " (first fired \(date))" : " (fired \(date))"
    }

    /// "held: L1 8 since 2026-01-02, P&L −$120.00" lines for the layers that are open, or "".
    static func heldLayersText(_ state: SessionState) -> String {
        let held = state.positions.filter { $0.kind != .condor }
        guard !held.isEmpty else { return "" }
        return "\nheld:" + held.map { p in
            let m = p.mark(market: state.market, on: state.date, fills: state.trade)
            return "\n  \(p.name) \(p.contracts) since \(p.opened), value \(Fmt.money(m.value)), P&L \(Fmt.pnl(m.pnl))"
        }.joined()
    }
}
