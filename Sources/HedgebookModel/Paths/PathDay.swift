/// One trading day of a path (METHOD §10): the closes the engine plays.
public struct PathDay: Sendable, Equatable, Codable {
    /// The trading day.
    public var date: CalendarDate
    /// SPX close.
    public var spx: Double
    /// VIX close.
    public var vix: Double
    /// VVIX close where one is known; `nil`: the `vvix` setting.
    public var vvix: Double?
    /// Whether a calendar event (FOMC, CPI, PPI) counts on this day (METHOD §12 item 9: an event
    /// dated on a day with no close is carried to the next day of the path by whoever builds it).
    public var event: Bool

    public init(date: CalendarDate, spx: Double, vix: Double, vvix: Double? = nil, event: Bool = false) {
        self.date = date
        self.spx = spx
        self.vix = vix
        self.vvix = vvix
        self.event = event
    }
}
