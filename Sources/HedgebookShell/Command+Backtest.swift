import HedgebookModel

/// `backtest FROM..TO [trades] [--svg FILE]`: the §9 engine over stored history (docs/backtest.md).
public struct BacktestRequest: Equatable, Sendable {
    /// The first and last calendar day asked for.
    public var from: CalendarDate
    public var to: CalendarDate
    /// `trades`: list the trades and the hedge layers instead of the summary.
    public var listsTrades: Bool
    /// `--svg FILE` / `--svg! FILE`: write the equity curves as an SVG.
    public var svg: String?
    public var overwrite: Bool
    /// The trading days read from the store when the line was typed (empty until then).
    public var days: [HistoryDay]

    public init(from: CalendarDate, to: CalendarDate, listsTrades: Bool = false, svg: String? = nil,
                overwrite: Bool = false, days: [HistoryDay] = []) {
        self.from = from
        self.to = to
        self.listsTrades = listsTrades
        self.svg = svg
        self.overwrite = overwrite
        self.days = days
    }
}
