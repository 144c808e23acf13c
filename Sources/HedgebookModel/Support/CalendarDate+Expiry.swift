/// Listed expiries (METHOD §9 and §12 item 13): options expire on weekdays, so an expiry that
/// falls on a Saturday or Sunday moves back to the Friday before.
extension CalendarDate {
    /// ISO weekday: Monday 1 … Sunday 7 (1970-01-01, serial 0, was a Thursday).
    public var isoWeekday: Int {
        let r = (serial + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday.
    public var weekday: Int { isoWeekday % 7 }

    /// Whether the day is a Saturday or a Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// This date, or the Friday before when it is a Saturday or a Sunday.
    public var listedExpiry: CalendarDate {
        switch isoWeekday {
        case 6: return adding(days: -1)
        case 7: return adding(days: -2)
        default: return self
        }
    }

    /// The expiry of an option opened on this date with `dte` calendar days:
    /// date + DTE, moved back to the Friday before when it falls on a weekend (unless that
    /// would be on or before this date: a 1- or 2-day option keeps its weekend date).
    public func expiry(dte: Int) -> CalendarDate {
        let moved = adding(days: dte).listedExpiry
        return moved > self ? moved : adding(days: dte)
    }
}
