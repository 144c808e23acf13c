import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HedgebookModel
import Testing

@testable import HedgebookShell

/// A made-up history: 400 weekdays from 2021-01-04, SPX drifting up with a dip and VIX rising in the
/// dip, each close a closed-form function of the day, so the test needs no data but its own.
private func syntheticHistory() -> (spx: String, vix: String, days: [CalendarDate]) {
    var spx = "date,close\n", vix = "date,close\n"
    var days: [CalendarDate] = []
    var d = CalendarDate(year: 2021, month: 1, day: 4)!
    var k = 0
    while days.count < 400 {
        let weekday = ((d.serial % 7) + 11) % 7
        if weekday != 0 && weekday != 6 {
            let t = Double(k)
            let dip = t > 150 && t < 190 ? -0.12 * sin((t - 150) / 40 * .pi) : 0
            let level = 4000 * (1 + 0.0003 * t + 0.01 * sin(t / 7) + dip)
            let v = 17 + 2 * sin(t / 11) + (dip < 0 ? -dip * 150 : 0)
            spx += "\(d),\(level)\n"
            vix += "\(d),\(v)\n"
            days.append(d)
            k += 1
        }
        d = d.adding(days: 1)
    }
    return (spx, vix, days)
}

private func backtestShell() throws -> (Shell, TemporaryStore) {
    let t = TemporaryStore()
    let store = try t.open()
    let h = syntheticHistory()
    _ = try store.importText(.spx, h.spx, file: "spx.csv", replace: false)
    _ = try store.importText(.vix, h.vix, file: "vix.csv", replace: false)
    let shell = Shell()
    shell.marketHistory = MarketHistory(path: t.path)
    return (shell, t)
}

private func result(_ shell: Shell, _ line: String) throws -> [String: Any] {
    let r = shell.execute(line)
    try #require(r.ok, "`\(line)` failed: \(r.error)")
    let object = try JSONSerialization.jsonObject(with: Data(r.json.last!.utf8)) as? [String: Any]
    return try #require(object?["result"] as? [String: Any])
}

@Suite("backtest: the engine over stored history")
struct BacktestTests {
    @Test("A backtest is the engine run on the stored days with the session's settings, and changes nothing")
    func sameAsEngine() throws {
        let (shell, store) = try backtestShell()
        defer { withExtendedLifetime(store) {} }
        _ = shell.execute("account 250000")
        _ = shell.execute("set underlying xsp")
        let before = shell.session.state
        let cells = shell.session.cells.count
        let json = try result(shell, "backtest 2021-01-01..2022-12-31")
        // The query records a cell and leaves equity, cycle, step and positions as they were.
        #expect(shell.session.cells.count == cells + 1)
        #expect(shell.session.state.account == before.account)
        #expect(shell.session.state.positions.isEmpty)
        // The same days through the engine directly.
        let h = syntheticHistory()
        let days = try store.open().days(from: h.days[0], through: h.days[h.days.count - 1])
            .map { PathDay(date: $0.date, spx: $0.spx, vix: $0.vix, vvix: $0.vvix, event: !$0.events.isEmpty) }
        #expect(days.count == 400)
        let settings = Evaluator.pathSettings(before)
        let run = try PathEngine.run(days, settings: settings)
        let trades = try #require(json["trades"] as? [[String: Any]])
        #expect(trades.count == run.trades.count)
        #expect(!run.trades.isEmpty)
        let figures = try #require(json["figures"] as? [String: Any])
        // JSON numbers carry 10 significant digits or more.
        #expect(abs((figures["finalEquity"] as? Double ?? .nan) / run.figures.finalEquity - 1) < 1e-9)
        // Flat sizing is the same days with steps 1.
        let flat = try PathEngine.run(days, settings: settings.flat)
        let compare = try #require(json["compare"] as? [String: Any])
        #expect(abs(((compare["flat"] as? [String: Any])?["finalEquity"] as? Double ?? .nan) / flat.figures.finalEquity - 1) < 1e-9)
        // SPX held: account × SPX ÷ SPX on the first day; its CAGR by METHOD §11 worked here.
        let spxHeld = try #require(compare["spxHeld"] as? [String: Any])
        let first = days[0], last = days[days.count - 1]
        let expected = pow(last.spx / first.spx, 365 / Double(first.date.days(to: last.date))) - 1
        #expect(abs((spxHeld["cagr"] as? Double ?? .nan) / expected - 1) < 1e-9)
        let curve = try #require(json["equityCurve"] as? [[Any]])
        #expect(curve.count == 400)
    }

    @Test("The years' returns compound to the run's final ÷ opening equity, for every run and SPX held")
    func yearsCompound() throws {
        let (shell, store) = try backtestShell()
        defer { withExtendedLifetime(store) {} }
        _ = shell.execute("account 100000")
        guard case .backtest(let request) = try shell.readingHistory(
            .backtest(BacktestRequest(from: CalendarDate(year: 2021, month: 1, day: 1)!, to: CalendarDate(year: 2022, month: 12, day: 31)!)))
        else { Issue.record("not a backtest"); return }
        let b = try Evaluator.runBacktest(shell.session.state, request)
        let r = b.runs
        for curve in [r.method.equityCurve, r.flat.equityCurve, r.noHedges.equityCurve, r.neither.equityCurve, r.spxHeld.equityCurve] {
            let years = Evaluator.yearlyReturns(curve, start: 100_000)
            #expect(years.map(\.year) == [2021, 2022])
            let product = years.reduce(1.0) { $0 * (1 + ($1.change ?? .nan)) }
            #expect(abs(product - curve[curve.count - 1].equity / 100_000) < 1e-12)
        }
    }

    @Test("trades lists each trade and layer; --svg writes a parseable SVG and refuses to overwrite")
    func tradesAndSVG() throws {
        let (shell, store) = try backtestShell()
        defer { withExtendedLifetime(store) {} }
        _ = shell.execute("account 100000")
        _ = shell.execute("set underlying xsp")
        let listed = shell.execute("backtest 2021..2022 trades")
        #expect(listed.ok)
        #expect(listed.text.contains("close cost"), "\(listed.text)")
        let file = store.folder + "/curve.svg"
        try FileManager.default.createDirectory(atPath: store.folder, withIntermediateDirectories: true)
        let cells = shell.session.cells.count
        let wrote = shell.execute("backtest 2021..2022 --svg \"\(file)\"")
        #expect(wrote.ok, "\(wrote.error)")
        #expect(shell.session.cells.count == cells)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let parser = XMLParser(data: data)
        #expect(parser.parse())
        #expect(String(decoding: data, as: UTF8.self).contains("polyline"))
        let again = shell.execute("backtest 2021..2022 --svg \"\(file)\"")
        #expect(!again.ok)
        #expect(again.error.contains("already exists"))
        #expect(shell.execute("backtest 2021..2022 --svg! \"\(file)\"").ok)
    }

    @Test("Ctrl-C stops a backtest between chunks of days; nothing is recorded, and it says so")
    func interrupted() throws {
        let (shell, store) = try backtestShell()
        defer { withExtendedLifetime(store) {} }
        _ = shell.execute("account 100000")
        var asked = 0
        shell.cancelRequested = {
            asked += 1
            return asked > 1   // the first chunk plays, the second is stopped
        }
        let cells = shell.session.cells.count
        let r = shell.execute("backtest 2021..2022")
        #expect(!r.ok && r.error.contains("backtest of 400 days stopped by Ctrl-C; the session is unchanged"), "\(r.error)")
        #expect(shell.session.cells.count == cells)
        #expect(asked == 2)
        shell.cancelRequested = nil
        #expect(shell.execute("backtest 2021..2022").ok)
    }

    @Test("Bad ranges are located errors; a range the store does not hold says what it has")
    func refusals() throws {
        let (shell, store) = try backtestShell()
        defer { withExtendedLifetime(store) {} }
        _ = shell.execute("account 100000")
        let backwards = shell.execute("backtest 2022..2021")
        #expect(!backwards.ok)
        #expect(backwards.error.contains("1:10"))
        #expect(backwards.error.contains("FROM must come before TO"))
        let malformed = shell.execute("backtest 2021-13-01..2022-01-01")
        #expect(!malformed.ok)
        #expect(malformed.error.contains("not a date range"))
        let empty = shell.execute("backtest 1990..1991")
        #expect(!empty.ok)
        #expect(empty.error.contains("`data` shows what the store holds"))
        let cells = shell.session.cells.count
        #expect(shell.session.cells.count == cells)
    }
}
