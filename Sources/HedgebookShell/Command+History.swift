import HedgebookModel

/// `data …`: what the market store holds, and imports into it.
public enum DataRequest: Equatable, Sendable {
    case list
    case importFile(ImportKind, path: String, replace: Bool)
}

/// `replay …`. A replay cell keeps the history it read, so undo, edit, recover and re-runs
/// never read the store again (METHOD §12 item 20).
public enum ReplayRequest: Equatable, Sendable {
    /// `replay DATE` as typed; the shell reads the store and turns it into ``read(from:days:)``.
    case from(CalendarDate)
    /// The trading days from `from` on, as read from the store when the cell was typed.
    case read(from: CalendarDate, days: [HistoryDay])
    /// `replay off`: the market is typed again.
    case off
}
