import HedgebookModel

extension Evaluator {
    /// The condor settings with the DTE replaced by the calendar days to the listed expiry
    /// (date + DTE, moved back to the Friday before a weekend), and that expiry (METHOD §12 item 13):
    /// `condor` and `open condor` agree to the day.
    static func listedCondor(_ state: SessionState) -> (settings: CondorSettings, expiry: CalendarDate) {
        var settings = state.condor
        let expiry = state.date.expiry(dte: settings.dte)
        settings.dte = state.date.days(to: expiry)
        return (settings, expiry)
    }

    /// The hedge settings with each layer's DTE replaced by the days to its listed expiry.
    static func listedHedge(_ state: SessionState) -> HedgeSettings {
        var hedge = state.hedge
        hedge.dte = hedge.dte.map { state.date.days(to: state.date.expiry(dte: $0)) }
        return hedge
    }

    /// The three layers sized at the current equity and step, on listed expiries, costed at their fills.
    static func hedgePlan(_ state: SessionState) throws(ModelError) -> HedgePlan {
        try state.account.hedgePlan(
            market: state.market, sizing: state.sizing, hedge: listedHedge(state),
            slippage: state.trade.slippage(on: .vix))
    }
}
