import Foundation
import HedgebookModel
@testable import HedgebookShell
import Testing

@Suite("journal entries and journal export: the ledger as CSV")
struct JournalExportTests {
    /// A minimal RFC 4180 reader: fields split on commas, quoted fields with doubled quotes.
    static func readCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text).makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else {
                            quoted = false
                            if n == "," { row.append(field); field = "" } else if n == "\n" { row.append(field); rows.append(row); row = []; field = "" } else { field.append(n) }
                        }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test("journal export round-trips through a CSV reader to the entries of journal entries; no clobber, ! replaces")
    func roundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hedgebook-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.csv").path
        let s = whatIfShell("account 400000", "open condor", "hedge L1", "vix 25", "advance 10d", "close", "deposit 1000")
        let entries = s.execute("journal entries")
        #expect(entries.ok)
        guard case .array(let items)? = json(lastResult(s), "entries") else { Issue.record("no entries"); return }
        #expect(s.execute("journal export \"\(path)\"").ok)
        let rows = Self.readCSV(try String(contentsOfFile: path, encoding: .utf8))
        #expect(rows.first == ["date", "kind", "amount", "fees", "pnl", "result", "equity", "marked_equity"])
        #expect(rows.count == items.count + 1)
        for (row, item) in zip(rows.dropFirst(), items) {
            #expect(row[0] == (json(item, "date").flatMap { if case .string(let d) = $0 { d } else { nil } }))
            #expect(row[1] == (json(item, "kind").flatMap { if case .string(let k) = $0 { k } else { nil } }))
            for (column, key) in [(2, "amount"), (3, "fees"), (4, "pnl"), (6, "equity"), (7, "markedEquity")] {
                let value = try #require(number(json(item, key)))
                #expect(abs(try #require(Double(row[column])) - value) <= 0.005, "\(key) of \(row)")
            }
        }
        let again = s.execute("journal export \"\(path)\"")
        #expect(!again.ok && again.error.contains("already exists"))
        #expect(s.execute("deposit 5; journal export! \"\(path)\"").ok)
        #expect(Self.readCSV(try String(contentsOfFile: path, encoding: .utf8)).count == items.count + 2)
    }
}
