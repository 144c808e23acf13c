#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import HedgebookModel

/// One trading day of history: SPX and VIX closes, VVIX where known, and the calendar events
/// that count on it (an event dated on a day without a close counts on the next day with one).
public struct HistoryDay: Sendable, Equatable {
    public var date: CalendarDate
    public var spx: Double
    public var vix: Double
    public var vvix: Double?
    public var events: [MarketEvent]

    public init(date: CalendarDate, spx: Double, vix: Double, vvix: Double? = nil, events: [MarketEvent] = []) {
        self.date = date
        self.spx = spx
        self.vix = vix
        self.vvix = vvix
        self.events = events
    }
}

/// What one series holds: its first and last day and how many rows.
public struct SeriesSummary: Sendable, Equatable {
    public var name: String
    public var first: CalendarDate?
    public var last: CalendarDate?
    public var rows: Int
}

/// The market history on disk: an embedded SQLite database of daily closes (SPX, VIX, VVIX) and
/// calendar events, at `$XDG_DATA_HOME/hedgebook/market.sqlite` (docs/data.md).
///
/// The schema is a list of named migrations run in order when the store opens, each recorded in
/// the `migrations` table, so an older store is brought up to date and a new one is built the
/// same way. Every import is one transaction: all of a file, or nothing.
public final class MarketStore {
    /// A named schema step.
    struct Migration: Sendable {
        var name: String
        var apply: @Sendable (SQLiteDatabase) throws(SQLiteError) -> Void
    }

    static let migrations: [Migration] = [
        Migration(name: "1 closes and events") { db throws(SQLiteError) in
            try db.execute("""
                CREATE TABLE closes(
                    series TEXT NOT NULL CHECK (series IN ('spx', 'vix', 'vvix')),
                    day TEXT NOT NULL,
                    close REAL NOT NULL CHECK (close > 0),
                    PRIMARY KEY (series, day)
                ) WITHOUT ROWID;
                CREATE TABLE events(
                    day TEXT NOT NULL,
                    event TEXT NOT NULL CHECK (event IN ('fomc', 'cpi', 'ppi')),
                    PRIMARY KEY (day, event)
                ) WITHOUT ROWID;
                """)
        },
        Migration(name: "2 shipped events") { db throws(SQLiteError) in
            let rows: [EventRow]
            do throws(HistoryError) { rows = try HistoryCSV.events(ShippedEvents.csv, file: "data/events.csv") } catch {
                throw SQLiteError(message: "the shipped event table does not read: \(error.message)")
            }
            for row in rows {
                try db.query("INSERT OR IGNORE INTO events(day, event) VALUES (?, ?)",
                             [.text(row.day.description), .text(row.event.rawValue)])
            }
        },
    ]

    /// Where the store lives: `$HEDGEBOOK_DATA/market.sqlite` when set (tests, a second store),
    /// else `$XDG_DATA_HOME/hedgebook/market.sqlite`, else `~/.local/share/hedgebook/market.sqlite`;
    /// `nil` when none of them is set.
    public static func defaultPath() -> String? {
        func variable(_ name: String) -> String? {
            guard let value = getenv(name) else { return nil }
            let text = String(cString: value)
            return text.hasPrefix("/") ? text : nil
        }
        if let folder = variable("HEDGEBOOK_DATA") { return folder + "/market.sqlite" }
        if let xdg = variable("XDG_DATA_HOME") { return xdg + "/hedgebook/market.sqlite" }
        if let home = variable("HOME") { return home + "/.local/share/hedgebook/market.sqlite" }
        return nil
    }

    public let path: String
    let db: SQLiteDatabase

    /// Opens the store at `path` (its folder is created, private to the user), bringing its schema
    /// up to date.
    public convenience init(path: String) throws(HistoryError) {
        try self.init(path: path, migrations: MarketStore.migrations)
    }

    init(path: String, migrations: [Migration]) throws(HistoryError) {
        self.path = path
        do { try FileStore.makeDirectories(FileStore.directory(of: path)) } catch {
            throw HistoryError(error.message)
        }
        do {
            db = try SQLiteDatabase(path: path)
            try MarketStore.migrate(db, migrations)
        } catch {
            throw HistoryError("market store \(HistoryCSV.shown(path)): \(error.message)")
        }
    }

    /// Runs the migrations not yet recorded, in order, in one transaction.
    static func migrate(_ db: SQLiteDatabase, _ migrations: [Migration]) throws(SQLiteError) {
        try db.transaction { () throws(SQLiteError) in
            try db.execute("CREATE TABLE IF NOT EXISTS migrations(position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
            let applied = try db.query("SELECT name FROM migrations ORDER BY position").compactMap { $0[0].text }
            let known = migrations.map(\.name)
            if let unknown = applied.first(where: { !known.contains($0) }) {
                throw SQLiteError(message: "it was written by a newer hedgebook (schema step '\(unknown)' is unknown here)")
            }
            for (position, migration) in migrations.enumerated() where !applied.contains(migration.name) {
                try migration.apply(db)
                try db.query("INSERT INTO migrations(position, name) VALUES (?, ?)", [.integer(position + 1), .text(migration.name)])
            }
        }
    }

    /// The names of the schema steps applied, in order.
    func appliedMigrations() throws(HistoryError) -> [String] {
        try run { () throws(SQLiteError) in
            try db.query("SELECT name FROM migrations ORDER BY position").compactMap { $0[0].text }
        }
    }

    func run<T>(_ body: () throws(SQLiteError) -> T) throws(HistoryError) -> T {
        do { return try body() } catch {
            throw HistoryError(error.isRefusal ? error.message : "market store: \(error.message)")
        }
    }

    // MARK: - What it holds

    /// Each series' first and last day and row count, then the events'.
    public func summary() throws(HistoryError) -> [SeriesSummary] {
        try run { () throws(SQLiteError) in
            var result: [SeriesSummary] = []
            for series in HistorySeries.allCases {
                let row = try db.query("SELECT MIN(day), MAX(day), COUNT(*) FROM closes WHERE series = ?", [.text(series.rawValue)])[0]
                result.append(SeriesSummary(name: series.rawValue, first: Self.day(row[0]), last: Self.day(row[1]), rows: row[2].integer ?? 0))
            }
            let row = try db.query("SELECT MIN(day), MAX(day), COUNT(*) FROM events")[0]
            result.append(SeriesSummary(name: "events", first: Self.day(row[0]), last: Self.day(row[1]), rows: row[2].integer ?? 0))
            return result
        }
    }

    private static func day(_ value: SQLValue) -> CalendarDate? {
        value.text.flatMap { CalendarDate(iso: Substring($0)) }
    }

    // MARK: - Reading a path

    /// The trading days from `from` through `through` (to the end of the store when `nil`) on
    /// which both SPX and VIX have a close, in order, each with VVIX where known and its events.
    ///
    /// An event dated on a day without a close counts on the next day of the path (METHOD §12
    /// item 9); the first day also carries the events dated after the last close before it (or,
    /// when the store has no earlier close, those from `from` on).
    public func days(from: CalendarDate, through: CalendarDate? = nil) throws(HistoryError) -> [HistoryDay] {
        let to = (through ?? CalendarDate(year: 9999, month: 12, day: 31)!).description
        return try run { () throws(SQLiteError) in
            var days: [HistoryDay] = []
            for row in try db.query("""
                SELECT s.day, s.close, v.close, x.close FROM closes s
                JOIN closes v ON v.series = 'vix' AND v.day = s.day
                LEFT JOIN closes x ON x.series = 'vvix' AND x.day = s.day
                WHERE s.series = 'spx' AND s.day >= ? AND s.day <= ? ORDER BY s.day
                """, [.text(from.description), .text(to)]) {
                guard let date = Self.day(row[0]), let spx = row[1].real, let vix = row[2].real else { continue }
                days.append(HistoryDay(date: date, spx: spx, vix: vix, vvix: row[3].real))
            }
            guard let last = days.last else { return days }
            let previous = try db.query("""
                SELECT MAX(s.day) FROM closes s JOIN closes v ON v.series = 'vix' AND v.day = s.day
                WHERE s.series = 'spx' AND s.day < ?
                """, [.text(from.description)])[0][0].text
            // After the last close before the path; from its first day when there is none.
            let events = try db.query("SELECT day, event FROM events WHERE day \(previous == nil ? ">=" : ">") ? AND day <= ? ORDER BY day, event",
                                      [.text(previous ?? from.description), .text(last.date.description)])
            var i = 0
            for row in events {
                guard let day = Self.day(row[0]), let event = row[1].text.flatMap(MarketEvent.init(rawValue:)) else { continue }
                while days[i].date < day { i += 1 }
                if !days[i].events.contains(event) { days[i].events.append(event) }
            }
            return days
        }
    }
}
