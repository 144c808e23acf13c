import HedgebookModel

/// The shell's access to the market store: where it is, opened on first use and kept open.
public final class MarketHistory {
    /// The store's file; `nil` when no location is known (no `HOME`, `XDG_DATA_HOME` or `HEDGEBOOK_DATA`).
    public var path: String? {
        didSet { opened = nil }
    }
    private var opened: MarketStore?

    /// The default location (``MarketStore/defaultPath()``), or `path`.
    public init(path: String? = MarketStore.defaultPath()) {
        self.path = path
    }

    /// The store, opened (created and brought up to date) on first use.
    public func store() throws(HistoryError) -> MarketStore {
        if let opened { return opened }
        guard let path else {
            throw HistoryError("no place for the market store: set HOME, XDG_DATA_HOME or HEDGEBOOK_DATA")
        }
        let store = try MarketStore(path: path)
        opened = store
        return store
    }

    /// Whether the store holds SPX and VIX closes covering `range` (any when `nil`), without
    /// creating a store that does not exist yet.
    public func covers(_ range: ClosedRange<CalendarDate>?) -> Bool {
        guard let path, opened != nil || FileStore.exists(path), let store = try? store(),
              let summary = try? store.summary() else { return false }
        for name in ["spx", "vix"] {
            guard let s = summary.first(where: { $0.name == name }), s.rows > 0, let first = s.first, let last = s.last else {
                return false
            }
            if let range, first > range.lowerBound || last < range.upperBound { return false }
        }
        return true
    }
}
