import HedgebookModel

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var kind: ImportKind
    public var file: String
    public var added = 0
    public var replaced = 0
    public var unchanged = 0
    /// Rows without a close (a holiday's `.`), skipped.
    public var skipped = 0
    public var first: CalendarDate?
    public var last: CalendarDate?
}

/// Imports: one file, one transaction (docs/data.md, "Import rules").
extension MarketStore {
    /// Imports the file at `path` (a regular file of at most ``BoundedFile/maximumBytes``).
    public func importFile(_ kind: ImportKind, path: String, replace: Bool) throws(HistoryError) -> ImportSummary {
        let text = try BoundedFile.read(path)
        return try importText(kind, text, file: path, replace: replace)
    }

    /// Imports `text` read from `file` (the name used in messages): all of it or nothing.
    ///
    /// A close already stored with the same value is left alone, so importing a file twice
    /// changes nothing. A stored close that differs is refused, naming the day and both values,
    /// unless `replace`. Events are added to the table; with `replace` the file's events replace
    /// the stored ones on the days from its first to its last.
    public func importText(_ kind: ImportKind, _ text: String, file: String, replace: Bool) throws(HistoryError) -> ImportSummary {
        var summary = ImportSummary(kind: kind, file: file)
        guard let series = kind.series else {
            return try importEvents(try HistoryCSV.events(text, file: file), summary, replace: replace)
        }
        let read = try HistoryCSV.closes(text, file: file)
        summary.skipped = read.skipped.count
        summary.first = read.rows.map(\.day).min()
        summary.last = read.rows.map(\.day).max()
        guard let first = summary.first, let last = summary.last else { return summary }
        try run { () throws(SQLiteError) in
            try db.transaction { () throws(SQLiteError) in
                var stored: [String: Double] = [:]
                for row in try db.query("SELECT day, close FROM closes WHERE series = ? AND day BETWEEN ? AND ?",
                                        [.text(series.rawValue), .text(first.description), .text(last.description)]) {
                    if let day = row[0].text, let close = row[1].real { stored[day] = close }
                }
                let differing = read.rows.filter { row in stored[row.day.description].map { $0 != row.close } ?? false }
                if let d = differing.first, !replace {
                    let more = differing.count - 1
                    throw SQLiteError(message: "\(HistoryCSV.shown(file)):\(d.line):1: \(series.rawValue.uppercased()) on \(d.day) is stored as "
                                      + "\(Self.number(stored[d.day.description]!)); this file says \(Self.number(d.close))"
                                      + (more > 0 ? " (and \(more) more day\(more == 1 ? "" : "s") differ)" : "")
                                      + "; nothing was imported: `--replace` takes the file's values", isRefusal: true)
                }
                for row in read.rows {
                    let old = stored[row.day.description]
                    if old == row.close { summary.unchanged += 1; continue }
                    if old == nil { summary.added += 1 } else { summary.replaced += 1 }
                    try db.query("INSERT OR REPLACE INTO closes(series, day, close) VALUES (?, ?, ?)",
                                 [.text(series.rawValue), .text(row.day.description), .real(row.close)])
                }
            }
        }
        return summary
    }

    /// Events are a set: a stored event is unchanged, a new one added; with `replace`, stored
    /// events on the file's days (first to last) that the file lacks are removed (counted as replaced).
    private func importEvents(_ rows: [EventRow], _ start: ImportSummary, replace: Bool) throws(HistoryError) -> ImportSummary {
        var summary = start
        guard let first = rows.map(\.day).min(), let last = rows.map(\.day).max() else { return summary }
        summary.first = first
        summary.last = last
        try run { () throws(SQLiteError) in
            try db.transaction { () throws(SQLiteError) in
                let range: [SQLValue] = [.text(first.description), .text(last.description)]
                let stored = Set(try db.query("SELECT day || ' ' || event FROM events WHERE day BETWEEN ? AND ?", range)
                    .compactMap { $0[0].text })
                let file = Set(rows.map { "\($0.day) \($0.event.rawValue)" })
                if replace {
                    summary.replaced = stored.subtracting(file).count
                    try db.query("DELETE FROM events WHERE day BETWEEN ? AND ?", range)
                }
                for row in rows {
                    if stored.contains("\(row.day) \(row.event.rawValue)") { summary.unchanged += 1 } else { summary.added += 1 }
                    try db.query("INSERT OR IGNORE INTO events(day, event) VALUES (?, ?)",
                                 [.text(row.day.description), .text(row.event.rawValue)])
                }
            }
        }
        return summary
    }

    /// A close as written in messages: its shortest exact form.
    static func number(_ x: Double) -> String { "\(x)" }
}
