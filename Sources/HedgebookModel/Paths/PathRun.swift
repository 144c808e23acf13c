/// What one run of the engine over one path reports (METHOD §11).
public struct PathRun: Sendable {
    public var trades: [PathTrade]
    public var layers: [PathLayer]
    /// One marked equity per path day, after everything of that close (empty when not recorded).
    public var equityCurve: [(date: CalendarDate, equity: Double)]
    public var figures: RunFigures
    /// Entry days on which no condor could be sized, and the first reason why.
    public var unsizedDays: Int
    public var unsizedReason: String?

    public init(
        trades: [PathTrade], layers: [PathLayer], equityCurve: [(CalendarDate, Double)], figures: RunFigures,
        unsizedDays: Int, unsizedReason: String?
    ) {
        self.trades = trades
        self.layers = layers
        self.equityCurve = equityCurve.map { (date: $0.0, equity: $0.1) }
        self.figures = figures
        self.unsizedDays = unsizedDays
        self.unsizedReason = unsizedReason
    }
}
