import HedgebookModel
import Testing

@testable import HedgebookShell

/// The run renderers `simulate … years` uses and `backtest` will: the JSON keys of the issue's
/// contract, and text with no NaN or exponent.
@Suite struct RunTextTests {
    static func comparison() throws -> PathComparison {
        var d = CalendarDate(year: 2026, month: 1, day: 5)!
        var days: [PathDay] = []
        for i in 0..<60 {
            while d.isWeekend { d = d.adding(days: 1) }
            days.append(PathDay(date: d, spx: i == 3 ? 5000 : 6000 + Double(i), vix: i == 1 ? 22 : 18))
            d = d.adding(days: 1)
        }
        var s = PathSettings(startEquity: 1_000_000)
        s.sizing.cap = 1
        return try PathComparison(days, settings: s)
    }

    static func keys(_ v: JSONValue) -> [String] {
        if case .object(let pairs) = v { return pairs.map(\.0) }
        return []
    }

    @Test func theContractsKeys() throws {
        let c = try Self.comparison()
        #expect(Self.keys(RunText.figuresJSON(c.method.figures)) == [
            "cagr", "volatility", "sharpe", "sortino", "maxDrawdown", "maxDrawdownPct", "longestUnderwaterDays",
            "winRate", "profitFactor", "averageWin", "averageLoss", "cycles", "failedCycles", "hedgeCostPerYear",
            "hedgePnl", "fees", "finalEquity",
        ])
        guard case .array(let trades) = RunText.tradesJSON(c.method.trades), let first = trades.first else {
            Issue.record("no trades")
            return
        }
        #expect(Self.keys(first) == ["open", "close", "reason", "step", "contracts", "strikes", "credit", "closeCost",
                                     "pnl", "hedgePnl", "fees", "equity"])
        guard case .array(let layers) = RunText.layersJSON(c.method.layers), let layer = layers.first else {
            Issue.record("no layers")
            return
        }
        #expect(Self.keys(layer) == ["layer", "bought", "sold", "reason", "contracts", "premium", "proceeds", "pnl"])
        #expect(Self.keys(RunText.compareJSON(c)) == ["flat", "noHedges", "neither", "spxHeld"])
    }

    @Test func textHasNoNaNOrExponent() throws {
        let c = try Self.comparison()
        let text = RunText.tradesTable(c.method.trades) + RunText.layersTable(c.method.layers)
            + Table(header: ["", ""], rows: RunText.figureRows(c.method.figures)).render() + RunText.compareTable(c)
        #expect(!text.contains("nan") && !text.contains("inf") && !text.contains("e+") && !text.contains("e-0"))
        #expect(text.contains("SPX held") && text.contains("stop"))
    }
}
