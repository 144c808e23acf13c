import HedgebookModel

/// Everything the session knows: the fold of its accepted cells, in order.
///
/// Small on purpose: what grows with the session (the journal's entries) lives in the
/// session's append-only log, and the state keeps only how many entries are its own,
/// so a snapshot costs the same at cell 10 and at cell 100,000.
public struct SessionState: Sendable {
    /// The session's date: every dated entry uses it; nothing reads the clock.
    public var date: CalendarDate
    public var market = Market()
    public var condor = CondorSettings()
    public var sizing = SizingSettings()
    public var hedge = HedgeSettings()
    /// Fills, exits and how a path is played (METHOD §9).
    public var trade = TradeSettings()
    /// The simulated market of `simulate` (METHOD §10).
    public var pathMarket = PathMarketSettings()
    /// The modified martingale: equity, cycle and step (no account until `account`).
    public var account = MartingaleState()
    /// VIX when the current cycle began: the reference of the L1 spike trigger with no condor open.
    public var vixAtCycleStart: Double?
    /// VIX at the `open condor` cell: the reference of the L1 spike trigger while it is open.
    public var vixAtCondorOpen: Double?
    /// The realised P&L of the layers sold or settled since the open condor was opened (METHOD §12
    /// item 14): what `netting net` adds to the condor's result.
    public var condorHedgePnL = 0.0
    /// Market events flagged during the current cycle, with the date they were flagged.
    public var events: [FlaggedEvent] = []
    /// Open positions (the condor and hedge layers) in the order opened; marks are derived, never stored.
    public var positions: [Position] = []
    /// Market prices typed with `quote`: they mark positions until the market moves (MarketQuotes.swift).
    public var quotes = MarketQuotes()
    /// How VIX follows SPX in `shock` and `grid` when no VIX level is given (`set spotvol`).
    public var spotVol = SpotVolRule()
    /// The first date each hedge trigger fired in the current cycle (Evaluator+Triggers.swift).
    public var firedTriggers: [FiredTrigger] = []
    /// The history the market follows in a replay (`replay DATE`); `nil` when the market is typed.
    public var replay: ReplayState?
    /// How many entries of the session's journal log belong to this state.
    public var journalCount = 0

    /// The date a script runs on when it never says `date`: fixed, so runs are reproducible.
    public static let defaultDate = CalendarDate(year: 2026, month: 1, day: 2)!

    public init(date: CalendarDate = SessionState.defaultDate) {
        self.date = date
    }
}

/// A market event flagged on a date.
public struct FlaggedEvent: Sendable, Equatable {
    public var event: MarketEvent
    public var date: CalendarDate
}

/// A replay: the trading days read by its `replay` cell. The session is on the last of them on or
/// before its date; `advance` and `next` move along them without reading the store.
public struct ReplayState: Sendable, Equatable {
    public var days: [HistoryDay]
}
