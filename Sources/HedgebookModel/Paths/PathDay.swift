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

extension CalendarDate {
    /// Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
    public var weekday: Int { ((serial % 7) + 11) % 7 }

    /// Whether the day is a Saturday or a Sunday.
    public var isWeekend: Bool { let w = weekday; return w == 0 || w == 6 }

    /// This date, moved back to the Friday before when it is a Saturday or a Sunday:
    /// listed options expire on weekdays (METHOD §9).
    public var listedExpiry: CalendarDate {
        switch weekday {
        case 6: return adding(days: -1)
        case 0: return adding(days: -2)
        default: return self
        }
    }

    /// The expiry of an option bought on this day with `dte` calendar days: `self + dte`,
    /// moved back to the Friday before a weekend (METHOD §9).
    public func expiry(dte: Int) -> CalendarDate { adding(days: dte).listedExpiry }
}
