import Testing
@testable import HedgebookModel

@Test func pathSmoke() throws {
    let start = PathDay(date: CalendarDate(year: 2026, month: 1, day: 5)!, spx: 6000, vix: 18)
    let m = try SimulatedMarket(settings: PathMarketSettings(), start: start, vvix: 90)
    var g = m.path(seed: 1, index: 0)
    var days: [PathDay] = []
    for _ in 0..<m.days(years: 5) { days.append(g.next()) }
    let run = try PathEngine.run(days, settings: PathSettings(startEquity: 1_000_000))
    for t in run.trades.prefix(12) { print(t.open, t.close, t.reason, t.step, t.contracts, t.strikes, t.credit, t.closeCost, t.pnl, t.hedgePnl, t.equity) }
    for l in run.layers.prefix(12) { print(l) }
    print(run.figures)
    print(run.unsizedReason ?? "-")
}
