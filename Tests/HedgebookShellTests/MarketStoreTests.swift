import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

/// A store in a fresh temporary folder, removed when the test is done.
final class TemporaryStore {
    let folder: String
    var path: String { folder + "/market.sqlite" }

    init() {
        folder = NSTemporaryDirectory() + "hedgebook-store-" + UUID().uuidString
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func open() throws -> MarketStore { try MarketStore(path: path) }

    /// Writes `text` to a file in the folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

private func day(_ text: String) -> CalendarDate { CalendarDate(iso: Substring(text))! }

private func refusal(_ body: () throws -> Void) -> String {
    do { try body() } catch let error as HistoryError { return error.message } catch { return "\(error)" }
    return "no error"
}

@Suite("Market store: import")
struct MarketImportTests {
    @Test("The Cboe layout: DATE,OPEN,HIGH,LOW,CLOSE with MM/DD/YYYY dates; the close column is read")
    func cboe() throws {
        let t = TemporaryStore()
        let store = try t.open()
        let file = try t.file("VIX_History.csv", """
            DATE,OPEN,HIGH,LOW,CLOSE
            02/02/2018,15.00,17.50,14.80,17.31
            02/05/2018,18.44,38.80,16.80,37.32

            """)
        let s = try store.importFile(.vix, path: file, replace: false)
        #expect(s.added == 2 && s.unchanged == 0 && s.skipped == 0)
        #expect(s.first == day("2018-02-02") && s.last == day("2018-02-05"))
        let vix = try store.summary().first { $0.name == "vix" }
        #expect(vix == SeriesSummary(name: "vix", first: day("2018-02-02"), last: day("2018-02-05"), rows: 2))
    }

    @Test("Date,Open,High,Low,Close,Adj Close,Volume: ISO or M/D/YYYY dates, Close and never Adj Close")
    func yahoo() throws {
        let t = TemporaryStore()
        let store = try t.open()
        // Adj Close differs from Close on purpose: the store must hold the Close.
        _ = try store.importText(.spx, """
            Date,Open,High,Low,Close,Adj Close,Volume
            2018-02-02,2808.92,2808.92,2759.97,2762.13,1.0,1
            2/5/2018,2741.06,2763.39,2638.17,2648.94,2.0,2
            """, file: "spx.csv", replace: false)
        _ = try store.importText(.vix, "date,close\n2018-02-02,17.31\n2018-02-05,37.32\n", file: "vix.csv", replace: false)
        let days = try store.days(from: day("2018-02-01"))
        #expect(days.map(\.spx) == [2762.13, 2648.94])
        #expect(days.map(\.date) == [day("2018-02-02"), day("2018-02-05")])
    }

    @Test("Plain date,close without a header; a two-column header names the close whatever it says")
    func plain() throws {
        let store = try TemporaryStore().open()
        let a = try store.importText(.vix, "2018-02-02,17.31\r\n2018-02-05,37.32\r\n", file: "a.csv", replace: false)
        #expect(a.added == 2)
        let b = try store.importText(.vvix, "Date,vvix\n1/3/2014,82.5\n", file: "b.csv", replace: false)
        #expect(b.added == 1 && b.first == day("2014-01-03"))
    }

    @Test("A close that is not a number (a holiday's `.`, empty) is a day without a close, skipped and counted")
    func holidays() throws {
        let store = try TemporaryStore().open()
        let s = try store.importText(.vix, "Date,vix\n1/17/2014,12.44\n1/20/2014,.\n1/21/2014,\n1/22/2014,12.84\n",
                                     file: "vix.csv", replace: false)
        #expect(s.added == 2 && s.skipped == 2)
        #expect(try store.summary().first { $0.name == "vix" }?.rows == 2)
    }

    @Test("A bad row is an error at file:line:column saying what would be valid, and nothing of the file is kept")
    func badRows() throws {
        let store = try TemporaryStore().open()
        let date = refusal { _ = try store.importText(.spx, "date,close\n2018-02-02,1\n2018-02-30,2\n", file: "s.csv", replace: false) }
        #expect(date == "s.csv:3:1: '2018-02-30' is not a date: write YYYY-MM-DD or M/D/YYYY (2018-02-05 or 2/5/2018)")
        let close = refusal { _ = try store.importText(.spx, "date,close\n2018-02-02, -5\n", file: "s.csv", replace: false) }
        #expect(close == "s.csv:2:13: '-5' is not a close: a close is a positive number, or `.` for a day without one")
        let fields = refusal { _ = try store.importText(.spx, "DATE,OPEN,HIGH,LOW,CLOSE\n02/02/2018,1,2\n", file: "s.csv", replace: false) }
        #expect(fields == "s.csv:2:15: expected at least 5 fields (a date and a close), found 3")
        let layout = refusal { _ = try store.importText(.spx, "2018-02-02,1,2\n", file: "s.csv", replace: false) }
        #expect(layout.hasPrefix("s.csv:1:1: a file without a header must be date,close (found 3 fields)"))
        let header = refusal { _ = try store.importText(.spx, "Date,Open,Adj Close\n2018-02-02,1,2\n", file: "s.csv", replace: false) }
        #expect(header.hasPrefix("s.csv:1:1: no Close column in this header"))
        let event = refusal { _ = try store.importText(.events, "date,event\n2018-02-02,nfp\n", file: "e.csv", replace: false) }
        #expect(event == "e.csv:2:12: 'nfp' is not an event: write cpi, ppi or fomc")
        let twice = refusal { _ = try store.importText(.spx, "2018-02-02,1\n2018-02-02,2\n", file: "s.csv", replace: false) }
        #expect(twice == "s.csv:2:1: 2018-02-02 appears twice: line 1 says 1.0, this line 2.0; keep one")
        #expect(try store.summary().first { $0.name == "spx" }?.rows == 0)
    }

    @Test("Importing the same file twice changes nothing")
    func reimport() throws {
        let t = TemporaryStore()
        let store = try t.open()
        let file = try t.file("vix.csv", "date,close\n2018-02-02,17.31\n2018-02-05,37.32\n2018-02-06,.\n")
        let first = try store.importFile(.vix, path: file, replace: false)
        let before = try store.summary()
        let second = try store.importFile(.vix, path: file, replace: false)
        #expect(first.added == 2)
        #expect(second.added == 0 && second.replaced == 0 && second.unchanged == 2 && second.skipped == 1)
        #expect(try store.summary() == before)
    }

    @Test("Overlapping rows that differ are refused, naming the day and both values; --replace takes the file's")
    func overlap() throws {
        let store = try TemporaryStore().open()
        _ = try store.importText(.vix, "2018-02-02,17.31\n2018-02-05,37.32\n", file: "a.csv", replace: false)
        let text = "2018-02-05,38\n2018-02-06,29.98\n"
        let message = refusal { _ = try store.importText(.vix, text, file: "b.csv", replace: false) }
        #expect(message == "b.csv:1:1: VIX on 2018-02-05 is stored as 37.32; this file says 38.0; nothing was imported: `--replace` takes the file's values")
        // All or nothing: the new day of the refused file is not there either.
        #expect(try store.summary().first { $0.name == "vix" }?.rows == 2)
        let s = try store.importText(.vix, text, file: "b.csv", replace: true)
        #expect(s.added == 1 && s.replaced == 1 && s.unchanged == 0)
        _ = try store.importText(.spx, "2018-02-05,2648.94\n2018-02-06,2695.14\n", file: "s.csv", replace: false)
        #expect(try store.days(from: day("2018-02-05")).map(\.vix) == [38, 29.98])
    }

    @Test("Events are added as a set; --replace makes the file's events the only ones on its days")
    func events() throws {
        let store = try TemporaryStore().open()
        let before = try store.summary().first { $0.name == "events" }!.rows
        let s = try store.importText(.events, "date,event\n2018-01-31,fomc\n2018-02-09,nfp2\n".replacingOccurrences(of: "nfp2", with: "cpi"),
                                     file: "e.csv", replace: false)
        // 2018-01-31 FOMC is in the shipped table; 2018-02-09 CPI is not (CPI came out on 2018-02-14).
        #expect(s.unchanged == 1 && s.added == 1)
        #expect(try store.summary().first { $0.name == "events" }!.rows == before + 1)
        let r = try store.importText(.events, "date,event\n2018-01-31,fomc\n2018-02-09,ppi\n", file: "e.csv", replace: true)
        // On 2018-01-31..2018-02-09 the store held FOMC 01-31 and the CPI just added: the CPI goes.
        #expect(r.replaced == 1 && r.added == 1 && r.unchanged == 1)
    }

    @Test("A history file must be a regular file of bounded size")
    func bounded() throws {
        let t = TemporaryStore()
        let store = try t.open()
        let folder = refusal { _ = try store.importFile(.vix, path: t.folder, replace: false) }
        #expect(folder.hasSuffix(": not a regular file"))
        let file = try t.file("big.csv", String(repeating: "2018-02-02,1\n", count: 100))
        let big = refusal { _ = try BoundedFile.read(file, limit: 1 << 10) }
        #expect(big.contains("1300 bytes is more than"))
        let missing = refusal { _ = try store.importFile(.vix, path: t.folder + "/nope.csv", replace: false) }
        #expect(missing.hasSuffix("nope.csv: No such file or directory"))
    }
}

@Suite("Market store: schema and reading")
struct MarketStoreTests {
    @Test("A new store runs every migration in order, records them, and holds the shipped events")
    func migrations() throws {
        let store = try TemporaryStore().open()
        #expect(try store.appliedMigrations() == MarketStore.migrations.map(\.name))
        let events = try store.summary().first { $0.name == "events" }
        // data/README.md: 835 rows, from 1999-01-13 to 2026-12-10 (one (day, event) pair per row).
        #expect(events == SeriesSummary(name: "events", first: day("1999-01-13"), last: day("2026-12-10"), rows: 835))
    }

    @Test("An older store is brought up to date at open, keeping what it held")
    func upgrade() throws {
        let t = TemporaryStore()
        do {
            let old = try MarketStore(path: t.path, migrations: Array(MarketStore.migrations.prefix(1)))
            _ = try old.importText(.vix, "2018-02-05,37.32\n", file: "v.csv", replace: false)
            #expect(try old.summary().first { $0.name == "events" }?.rows == 0)
        }
        let store = try t.open()
        #expect(try store.appliedMigrations() == MarketStore.migrations.map(\.name))
        #expect(try store.summary().first { $0.name == "events" }?.rows == 835)
        #expect(try store.summary().first { $0.name == "vix" }?.rows == 1)
        // Opening again runs nothing twice.
        #expect(try t.open().summary().first { $0.name == "events" }?.rows == 835)
    }

    @Test("A store written by a newer hedgebook (an unknown schema step) is refused, not damaged")
    func newer() throws {
        let t = TemporaryStore()
        let steps = MarketStore.migrations + [MarketStore.Migration(name: "99 from the future") { db throws(SQLiteError) in
            try db.execute("CREATE TABLE future(x)")
        }]
        _ = try MarketStore(path: t.path, migrations: steps)
        let message = refusal { _ = try t.open() }
        #expect(message.hasSuffix("it was written by a newer hedgebook (schema step '99 from the future' is unknown here)"))
    }

    @Test("The store is in WAL mode")
    func wal() throws {
        let t = TemporaryStore()
        _ = try t.open()
        let db = try SQLiteDatabase(path: t.path)
        #expect(try db.query("PRAGMA journal_mode").first?.first?.text == "wal")
    }

    @Test("The embedded event table is data/events.csv byte for byte (run scripts/embed-events.sh when this fails)")
    func embedded() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try Data(contentsOf: root.appendingPathComponent("data/events.csv"))
        #expect(Array(ShippedEvents.csv.utf8) == Array(file))
    }

    @Test("A path is the days with both SPX and VIX; VVIX where known; an event on a day without a close counts on the next")
    func path() throws {
        let store = try TemporaryStore().open()
        // 2018-01-12 (Fri), 01-15 (Mon, a holiday: SPX `.`), 01-16 (Tue), 01-17 (Wed, no VIX).
        _ = try store.importText(.spx, "date,close\n2018-01-12,2786.24\n2018-01-15,.\n2018-01-16,2776.42\n2018-01-17,2802.56\n2018-01-18,2798.03\n",
                                 file: "s.csv", replace: false)
        _ = try store.importText(.vix, "date,close\n2018-01-12,10.16\n2018-01-16,11.66\n2018-01-18,12.22\n", file: "v.csv", replace: false)
        _ = try store.importText(.vvix, "date,close\n2018-01-16,95.5\n", file: "x.csv", replace: false)
        _ = try store.importText(.events, "date,event\n2018-01-13,fomc\n2018-01-15,ppi\n2018-01-17,fomc\n2018-01-11,cpi\n",
                                 file: "e.csv", replace: false)
        let days = try store.days(from: day("2018-01-12"), through: day("2018-01-18"))
        #expect(days == [
            // The shipped table has 2018-01-11 PPI and 2018-01-12 CPI. With no close before the path,
            // only events from its first day on count: 01-12 CPI, not 01-11's PPI or the CPI added above.
            HistoryDay(date: day("2018-01-12"), spx: 2786.24, vix: 10.16, events: [.cpi]),
            HistoryDay(date: day("2018-01-16"), spx: 2776.42, vix: 11.66, vvix: 95.5, events: [.fomc, .ppi]),
            // 01-17 has SPX but no VIX: not a path day; its FOMC counts on 01-18.
            HistoryDay(date: day("2018-01-18"), spx: 2798.03, vix: 12.22, events: [.fomc]),
        ])
        // From a later day, events before the last earlier close do not come along.
        #expect(try store.days(from: day("2018-01-18")).map(\.events) == [[.fomc]])
        #expect(try store.days(from: day("2018-01-19")).isEmpty)
    }
}
