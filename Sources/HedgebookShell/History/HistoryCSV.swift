import HedgebookModel

/// What can be imported: a daily series of closes, or the calendar of events.
public enum ImportKind: String, CaseIterable, Sendable {
    case spx, vix, vvix, events

    /// The series of closes this kind fills, or `nil` for events.
    var series: HistorySeries? { HistorySeries(rawValue: rawValue) }
}

/// A daily series of closes kept in the store.
public enum HistorySeries: String, CaseIterable, Sendable {
    case spx, vix, vvix
}

/// Why importing or reading history failed: one located message (`file:line:column: …`).
public struct HistoryError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// One close read from a file.
struct CloseRow: Equatable {
    var day: CalendarDate
    var close: Double
    var line: Int
}

/// One calendar event read from a file.
struct EventRow: Equatable {
    var day: CalendarDate
    var event: MarketEvent
    var line: Int
}

/// Reads the CSV layouts of METHOD §10 (§12 item 12): the Cboe's `DATE,OPEN,HIGH,LOW,CLOSE`,
/// `Date,Open,High,Low,Close,Adj Close,Volume`, plain `date,close`, and events `date,event`.
///
/// Dates are ISO (`2018-02-05`) or `M/D/YYYY` (`2/5/2018`, `02/05/2018`). The `Close` column is
/// the close (never `Adj Close`); a two-column file is `date,close` whatever its header says.
/// A close that is not a number (`.`, empty, `null`) means the day has no close: the row is
/// skipped. Anything else that cannot be read is an error at `file:line:column`.
enum HistoryCSV {
    /// The layouts, for messages.
    static let layouts = "DATE,OPEN,HIGH,LOW,CLOSE (Cboe), Date,Open,High,Low,Close,Adj Close,Volume, or date,close"

    /// A file's lines: 1-based number and fields with their 1-based columns.
    struct Line {
        var number: Int
        var fields: [(text: String, column: Int)]
    }

    /// The non-blank lines of `text` (a UTF-8 byte-order mark and `\r` line ends are accepted).
    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        var number = 0
        // "\r\n" is one Character in Swift: split on both.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if number == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            var fields: [(String, Int)] = []
            var column = 1
            for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                let leading = field.prefix { $0 == " " || $0 == "\t" || $0 == "\"" }.count
                var value = field.dropFirst(leading)
                while let last = value.last, last == " " || last == "\t" || last == "\"" { value = value.dropLast() }
                fields.append((String(value), column + leading))
                column += field.count + 1
            }
            result.append(Line(number: number, fields: fields))
        }
        return result
    }

    /// `2018-02-05`, `2/5/2018` or `02/05/2018`; `nil` otherwise.
    static func date(_ text: String) -> CalendarDate? {
        if text.contains("-") { return CalendarDate(iso: Substring(text)) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// A file name for messages: control characters neutralised, at most 200 characters.
    static func shown(_ file: String) -> String {
        let safe = String(file.prefix(200).map(Display.visible))
        return file.count > 200 ? safe + "…" : safe
    }

    static func located(_ file: String, _ line: Int, _ column: Int, _ message: String) -> HistoryError {
        HistoryError("\(shown(file)):\(line):\(column): \(message)")
    }

    static func badDate(_ file: String, _ line: Int, _ field: (text: String, column: Int)) -> HistoryError {
        located(file, line, field.column,
                "\(Display.quote(field.text)) is not a date: write YYYY-MM-DD or M/D/YYYY (2018-02-05 or 2/5/2018)")
    }

    /// The closes of a series file, and the days skipped because they have no close.
    static func closes(_ text: String, file: String) throws(HistoryError) -> (rows: [CloseRow], skipped: [CalendarDate]) {
        let all = lines(text)
        guard let first = all.first else { throw HistoryError("\(shown(file)): the file has no rows") }
        var dateColumn = 0, closeColumn = 1
        var body = all[...]
        if date(first.fields[0].text) == nil {
            // A header: find the date and the close by name.
            let names = first.fields.map { $0.text.lowercased() }
            dateColumn = names.firstIndex(of: "date") ?? 0
            if let close = names.firstIndex(of: "close") {
                closeColumn = close
            } else if names.count == 2 {
                closeColumn = 1
            } else {
                throw located(file, first.number, 1, "no Close column in this header: the layouts are \(layouts)")
            }
            body = all.dropFirst()
        } else if first.fields.count != 2 {
            throw located(file, first.number, 1,
                          "a file without a header must be date,close (found \(first.fields.count) fields): the layouts with a header are \(layouts)")
        }
        let needed = max(dateColumn, closeColumn) + 1
        var rows: [CloseRow] = []
        var skipped: [CalendarDate] = []
        var seen: [CalendarDate: CloseRow] = [:]
        for line in body {
            guard line.fields.count >= needed else {
                let end = line.fields.last.map { $0.column + $0.text.count } ?? 1
                throw located(file, line.number, end, "expected at least \(needed) fields (a date and a close), found \(line.fields.count)")
            }
            let dateField = line.fields[dateColumn], closeField = line.fields[closeColumn]
            guard let day = date(dateField.text) else { throw badDate(file, line.number, dateField) }
            guard let close = Double(closeField.text), close.isFinite else {
                skipped.append(day)
                continue
            }
            guard close > 0 else {
                throw located(file, line.number, closeField.column,
                              "\(Display.quote(closeField.text)) is not a close: a close is a positive number, or `.` for a day without one")
            }
            if let earlier = seen[day] {
                guard earlier.close == close else {
                    throw located(file, line.number, dateField.column,
                                  "\(day) appears twice: line \(earlier.line) says \(earlier.close), this line \(close); keep one")
                }
                continue
            }
            let row = CloseRow(day: day, close: close, line: line.number)
            seen[day] = row
            rows.append(row)
        }
        return (rows, skipped)
    }

    /// The events of a `date,event` file (more columns, such as `kind,source`, are allowed).
    static func events(_ text: String, file: String) throws(HistoryError) -> [EventRow] {
        var body = lines(text)[...]
        guard let first = body.first else { throw HistoryError("\(shown(file)): the file has no rows") }
        if date(first.fields[0].text) == nil { body = body.dropFirst() }
        let names = MarketEvent.allCases.map(\.rawValue)
        var rows: [EventRow] = []
        var seen: Set<String> = []
        for line in body {
            guard line.fields.count >= 2 else {
                let end = line.fields[0].column + line.fields[0].text.count
                throw located(file, line.number, end, "expected date,event, found one field")
            }
            guard let day = date(line.fields[0].text) else { throw badDate(file, line.number, line.fields[0]) }
            let word = line.fields[1].text.lowercased()
            guard let event = MarketEvent(rawValue: word) else {
                throw located(file, line.number, line.fields[1].column,
                              "\(Display.quote(line.fields[1].text)) is not an event: write \(Display.alternatives(names))")
            }
            guard seen.insert("\(day) \(word)").inserted else { continue }
            rows.append(EventRow(day: day, event: event, line: line.number))
        }
        return rows
    }
}
