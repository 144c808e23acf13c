import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

/// docs/calibration.md sets the default simulated market's statistics beside those of the sample
/// history. This reads the history column back and checks it against the market store, through the
/// same `MarketStatistics` the simulated column uses; scripts/reference/history_statistics.py
/// computes the column again with numpy. Skipped, saying so, where the store lacks 2014–2018.
@Suite("Calibration: the sample history's statistics in docs/calibration.md")
struct CalibrationHistoryTests {
    static let from = CalendarDate(year: 2014, month: 1, day: 1)!
    static let to = CalendarDate(year: 2018, month: 12, day: 31)!

    static var storeHoldsTheSample: Bool {
        MarketHistory().covers(CalendarDate(year: 2014, month: 1, day: 3)!...CalendarDate(year: 2018, month: 12, day: 31)!)
    }

    /// The history column of the statistics table, by row label.
    static func documented() throws -> [String: String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/calibration.md"), encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count == 3 { out[cells[0]] = cells[2] }
        }
        return out
    }

    @Test("The history column is what the store's 2014–2018 days give", .enabled(if: storeHoldsTheSample,
          "the market store lacks the sample history 2014–2018 (`make data` imports it)"))
    func historyColumn() throws {
        let days = try MarketHistory().store().days(from: Self.from, through: Self.to)
            .map { PathDay(date: $0.date, spx: $0.spx, vix: $0.vix) }
        #expect(days.count == 1257)
        var stats = MarketStatistics()
        stats.add(days)
        let doc = try Self.documented()
        func minus(_ text: String) -> String { text.replacingOccurrences(of: "−", with: "-") }
        #expect(doc["mean VIX"] == String(format: "%.2f", stats.vixMean))
        #expect(doc["SD of VIX"] == String(format: "%.2f", stats.vixSD))
        #expect(doc["SD of daily log VIX changes"] == String(format: "%.4f", stats.logVixChangeSD))
        #expect(doc["SPX–VIX correlation of daily changes"].map(minus) == String(format: "%.3f", stats.correlation))
        #expect(doc["realised ÷ implied volatility"] == String(format: "%.3f", stats.realisedOverImplied))
        #expect(doc["share of days SPX falls ≥ 3 %"] == String(format: "%.2f %%", stats.shareOfFalls3 * 100))
    }
}
