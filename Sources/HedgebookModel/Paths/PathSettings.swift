/// Everything a run of the §9 engine is configured by: the opening equity and the session's
/// market, condor, sizing, hedge and trade settings. A run starts at a fresh cycle, step 1, with
/// no positions (METHOD §12 item 20).
public struct PathSettings: Sendable, Equatable {
    /// The opening account.
    public var startEquity: Double
    /// Rate, dividend, skew, the VIX futures curve's θ and κ, and the VVIX used when a day has none.
    /// Its SPX and VIX are replaced by each day's closes.
    public var market: Market
    public var condor: CondorSettings
    public var sizing: SizingSettings
    public var hedge: HedgeSettings
    public var trade: TradeSettings

    public init(
        startEquity: Double, market: Market = Market(), condor: CondorSettings = CondorSettings(),
        sizing: SizingSettings = SizingSettings(), hedge: HedgeSettings = HedgeSettings(),
        trade: TradeSettings = TradeSettings()
    ) {
        self.startEquity = startEquity
        self.market = market
        self.condor = condor
        self.sizing = sizing
        self.hedge = hedge
        self.trade = trade
    }

    /// Flat sizing: `steps 1`, every trade a cycle of its own (METHOD §12 item 10).
    public var flat: PathSettings { var s = self; s.sizing.steps = 1; return s }
    /// No hedges: `hedging off`.
    public var noHedges: PathSettings { var s = self; s.trade.hedging = false; return s }
    /// Flat sizing and no hedges.
    public var neither: PathSettings { flat.noHedges }

    /// Checks every setting the engine reads.
    public func validate() throws(ModelError) {
        _ = try Validate.positive(startEquity, "starting equity")
        try market.validate()
        try condor.validate()
        try sizing.validate()
        try hedge.validate()
        try trade.validate()
        guard hedge.units.count == 3, hedge.budgets.count == 3, hedge.dte.count == 3 else {
            throw .outOfRange(quantity: "hedge layers", value: Double(hedge.units.count), valid: "3 (L1, L2, L3)")
        }
    }
}
