import Testing
@testable import HedgebookModel

/// Hand-made paths for each rule of METHOD §9 and §12. Expected values are worked in the comments
/// or come from scripts/reference/path_open_reference.py (an independent brute-force opening).
enum PathFixture {
    static let monday = CalendarDate(year: 2026, month: 1, day: 5)!

    /// Weekdays from `start`, `count` of them.
    static func weekdays(from start: CalendarDate, _ count: Int) -> [CalendarDate] {
        var out: [CalendarDate] = []
        var d = start
        while out.count < count {
            if !d.isWeekend { out.append(d) }
            d = d.adding(days: 1)
        }
        return out
    }

    /// A flat path (SPX 6000, VIX 18) over `count` weekdays, with `changes` applied by day index.
    static func path(from start: CalendarDate = monday, _ count: Int, _ changes: [Int: (Double, Double)] = [:]) -> [PathDay] {
        weekdays(from: start, count).enumerated().map { i, d in
            let (s, v) = changes[i] ?? (6000, 18)
            return PathDay(date: d, spx: s, vix: v)
        }
    }

    /// Zero rates (so deep options are worth exactly their intrinsic), no skew, hedging off, cap 100 %.
    static func settings(_ equity: Double = 1_000_000, hedging: Bool = false) -> PathSettings {
        var s = PathSettings(startEquity: equity)
        s.market.rate = 0
        s.market.dividendYield = 0
        s.sizing.cap = 1
        s.trade.hedging = hedging
        return s
    }
}

@Suite struct PathEngineTests {
    typealias F = PathFixture

    @Test func weekdaysAndListedExpiries() {
        #expect(F.monday.weekday == 1)
        // 2026-01-07 (Wednesday) + 45 = 2026-02-21, a Saturday: moved back to Friday 2026-02-20.
        #expect(CalendarDate(year: 2026, month: 1, day: 7)!.expiry(dte: 45) == CalendarDate(year: 2026, month: 2, day: 20)!)
        // + 46 = Sunday 2026-02-22: also Friday the 20th.
        #expect(CalendarDate(year: 2026, month: 1, day: 7)!.expiry(dte: 46) == CalendarDate(year: 2026, month: 2, day: 20)!)
        #expect(F.monday.expiry(dte: 45) == CalendarDate(year: 2026, month: 2, day: 19)!)
    }

    /// The opening matches the brute-force reference: strikes 5615/5665/6425/6475, credit as filled
    /// $1,417.1540497253 a contract (fills and $4 of fees), 7 contracts = floor(10,000 / (0.9 × credit)).
    @Test func openingMatchesTheReference() throws {
        var s = PathSettings(startEquity: 1_000_000)
        s.trade.hedging = false
        let run = try PathEngine.run(F.path(3), settings: s)
        let t = try #require(run.trades.first)
        #expect(t.strikes == [5615, 5665, 6425, 6475])
        #expect(t.contracts == 7)
        #expect(abs(t.credit - 7 * 1417.1540497253) < 1e-6)
        #expect(t.reason == .end)
        #expect(t.open == F.monday)
    }

    /// Day 1 SPX gaps to 3000: the put spread is 40+ SD in the money, so its legs are worth their
    /// intrinsic (rates 0): short put Ksp − S + 0.05 to buy back, long put Klp − S − 0.05 to sell,
    /// short call 0 + 0.05, long call max(0, 0 − 0.05) = 0. Cost = 100 × (50 + 0.15) = $5,015 a
    /// contract, fees $4: the loss is far beyond the 90 % stop.
    @Test func aStopOnAGapLosesMoreThanTheStop() throws {
        let run = try PathEngine.run(F.path(5, [1: (3000, 18)]), settings: F.settings())
        let t = try #require(run.trades.first)
        let n = Double(t.contracts)
        #expect(t.reason == .stop)
        #expect(t.close == F.monday.adding(days: 1))
        #expect(abs(t.closeCost - 5015 * n) < 1e-6)
        #expect(abs(t.pnl - (t.credit - 5015 * n - 4 * n)) < 1e-6)
        #expect(t.pnl < -0.9 * t.credit)
        #expect(abs(t.fees - 8 * n) < 1e-9)
        // The loss moves the step: the next condor (entry gap 1: day 2) is at step 2.
        #expect(run.trades.count >= 2 && run.trades[1].step == 2 && run.trades[1].open == F.monday.adding(days: 2))
    }

    /// Day 1 VIX 1 (σ = 1 %): every leg is ~100 SD from the money, worth 0. Cost to close =
    /// 100 × (0.05 + 0.05) = $10 a contract, fees $4: the profit ≥ 50 % of the credit.
    @Test func targetExit() throws {
        var s = F.settings()
        s.trade.target = 0.5
        let run = try PathEngine.run(F.path(5, [1: (6000, 1)]), settings: s)
        let t = try #require(run.trades.first)
        let n = Double(t.contracts)
        #expect(t.reason == .target)
        #expect(abs(t.closeCost - 10 * n) < 1e-9)
        #expect(abs(t.pnl - (t.credit - 14 * n)) < 1e-9)
    }

    /// Expiry 2026-02-19; exitdte 40: Friday 01-09 has 41 days left, Monday 01-12 has 38 ≤ 40.
    @Test func timeExit() throws {
        var s = F.settings()
        s.trade.exitDTE = 40
        let run = try PathEngine.run(F.path(10), settings: s)
        let t = try #require(run.trades.first)
        #expect(t.reason == .time)
        #expect(t.close == CalendarDate(year: 2026, month: 1, day: 12)!)
    }

    /// Opened Wednesday 2026-01-07 with DTE 3: Saturday the 10th moves back to Friday the 9th. The
    /// market stays flat, so it settles worthless there: close cost 0, P&L = the credit.
    @Test func weekendExpiryMovedToFriday() throws {
        var s = F.settings()
        s.condor.dte = 3
        s.trade.slippage = 0
        s.trade.fees = 0
        let wednesday = CalendarDate(year: 2026, month: 1, day: 7)!
        let run = try PathEngine.run(F.path(from: wednesday, 6), settings: s)
        let t = try #require(run.trades.first)
        #expect(t.reason == .expiry)
        #expect(t.close == CalendarDate(year: 2026, month: 1, day: 9)!)
        #expect(t.closeCost == 0 && t.pnl == t.credit)
    }

    /// Expiry Friday 2026-01-09 is a holiday on this path (no close): the condor settles on
    /// Thursday the 8th against Thursday's close, 5860, between the long and short put:
    /// intrinsic = (Ksp − 5860) × 100 × contracts, no closing fee.
    @Test func holidayExpirySettlesTheDayBefore() throws {
        var s = F.settings()
        s.condor.dte = 4  // Monday 01-05 + 4 = Friday 01-09
        s.sizing.stops = nil
        s.trade.slippage = 0
        s.trade.fees = 0
        var days = F.path(8, [3: (5860, 18)])
        days.remove(at: 4)  // no Friday
        let run = try PathEngine.run(days, settings: s)
        let t = try #require(run.trades.first)
        #expect(t.reason == .expiry)
        #expect(t.close == CalendarDate(year: 2026, month: 1, day: 8)!)
        let ksp = t.strikes[1], klp = t.strikes[0]
        #expect(klp < 5860 && 5860 < ksp)
        #expect(abs(t.closeCost - (ksp - 5860) * 100 * Double(t.contracts)) < 1e-9)
        #expect(abs(t.fees) < 1e-12)
    }

    /// L1 fires on the spike (VIX 22 ≥ 1.2 × 18 = 21.6) on day 1, Tuesday 01-06. L2's window is
    /// 01-13 … 01-20. With VIX back at 18, L1 is losing: L2 is bought on 01-13, the window's first day.
    @Test func l2InsideItsWindowWhileL1Loses() throws {
        var s = F.settings(hedging: true)
        s.sizing.stops = nil
        let run = try PathEngine.run(F.path(20, [1: (6000, 22)]), settings: s)
        let l1 = try #require(run.layers.first { $0.layer == .l1 })
        let l2 = try #require(run.layers.first { $0.layer == .l2 })
        #expect(l1.bought == CalendarDate(year: 2026, month: 1, day: 6)!)
        #expect(l2.bought == CalendarDate(year: 2026, month: 1, day: 13)!)
        #expect(!run.layers.contains { $0.layer == .l3 })
    }

    /// With VIX at 40 through the window L1 wins, so no L2; after the window (from 01-21) VIX is
    /// back at 18 and L1 loses, but the window has closed: still no L2.
    @Test func noL2WhileL1WinsOrAfterTheWindow() throws {
        var s = F.settings(hedging: true)
        s.sizing.stops = nil
        s.hedge.anchorVix = 100  // keep L3 out of it
        var changes: [Int: (Double, Double)] = [1: (6000, 22)]
        for i in 2...11 { changes[i] = (6000, 40) }  // through 01-20
        let run = try PathEngine.run(F.path(20, changes), settings: s)
        #expect(run.layers.contains { $0.layer == .l1 })
        #expect(!run.layers.contains { $0.layer == .l2 })
    }

    /// Netting: the same path under `net` and `condor`: the first trade's equity after is the same
    /// (equity moves by each position's own P&L), its result differs by the hedges' P&L.
    @Test func nettingNetAgainstCondor() throws {
        var s = F.settings(hedging: true)
        let path = F.path(8, [1: (6000, 22), 3: (5000, 30)])
        let net = try PathEngine.run(path, settings: s)
        s.trade.netting = .condor
        let own = try PathEngine.run(path, settings: s)
        let a = try #require(net.trades.first), b = try #require(own.trades.first)
        #expect(a.reason == .stop && a.close == F.monday.adding(days: 3))
        #expect(a.hedgePnl != 0)
        let realised = net.layers.filter { $0.sold <= a.close }.reduce(0) { $0 + $1.pnl }
        #expect(abs(a.hedgePnl - realised) < 1e-9)
        #expect(abs(a.result - (a.pnl + a.hedgePnl)) < 1e-9)
        #expect(abs(b.result - b.pnl) < 1e-9)
        #expect(abs(a.equity - b.equity) < 1e-9)
        #expect(abs(a.equity - (1_000_000 + a.pnl + a.hedgePnl)) < 1e-6)
        // withcondor: L1 is sold with the condor; L3 (VIX 30) is kept.
        #expect(net.layers.first { $0.layer == .l1 }?.sold == a.close)
    }

    /// The path's last day: nothing opens; whatever is open is closed at its open P&L (reason end),
    /// and the last marked equity is the realised equity.
    @Test func theEndOfAPath() throws {
        let one = try PathEngine.run(F.path(1), settings: F.settings())
        #expect(one.trades.isEmpty)
        var s = F.settings(hedging: true)
        s.sizing.stops = nil
        let run = try PathEngine.run(F.path(4, [1: (6000, 22)]), settings: s)
        let t = try #require(run.trades.first)
        #expect(t.reason == .end && t.close == F.monday.adding(days: 3))
        #expect(run.layers.allSatisfy { $0.reason == .end && $0.sold == t.close })
        #expect(abs(run.figures.finalEquity - t.equity) < 1e-9)
        #expect(abs(run.equityCurve.last!.equity - t.equity) < 1e-9)
    }

    /// A budget that cannot buy one contract is no trade: the entry moves to the next day, and the
    /// run says why. With stops none, risk = max loss = 5,000 − credit; at VIX 40 the credit is
    /// larger, so the same budget buys one on day 1.
    @Test func zeroSizeMovesTheEntry() throws {
        var s = F.settings(100_000)
        s.sizing.stops = nil
        let low = try PathEngine.run(F.path(3), settings: s)
        #expect(low.trades.isEmpty && low.unsizedDays == 2 && low.unsizedReason != nil)
        // Budget 1 % × equity between the two max losses.
        var m = Market(); m.rate = 0; m.dividendYield = 0
        var cs = CondorSettings(); cs.dte = 44
        let c18 = try IronCondor.build(market: m, settings: cs)
        m.vix = 40
        let c40 = try IronCondor.build(market: m, settings: cs)
        let fill = { (c: IronCondor) in 100 * (c.shortPutQuote.price + c.shortCallQuote.price - c.longPutQuote.price - c.longCallQuote.price - 0.2) - 4 }
        let equity = 100 * ((5000 - fill(c18)) + (5000 - fill(c40))) / 2
        s.startEquity = equity
        let run = try PathEngine.run(F.path(4, [1: (6000, 40)]), settings: s)
        #expect(run.unsizedDays == 1)
        #expect(run.trades.first?.open == F.monday.adding(days: 1))
        #expect(run.trades.first?.contracts == 1)
    }

    @Test func entryGapCountsTradingDays() throws {
        var s = F.settings()
        s.trade.entryGap = 3
        let run = try PathEngine.run(F.path(8, [1: (3000, 18)]), settings: s)
        // Stopped Tuesday 01-06 (day 1): the next opens on day 4, Friday 01-09.
        #expect(run.trades.count == 2)
        #expect(run.trades[1].open == CalendarDate(year: 2026, month: 1, day: 9)!)
    }

    /// `eventtrigger on`: an event on a day with a condor open fires L1 that close; off, it does not.
    @Test func calendarEventsFireL1OnlyWhenAsked() throws {
        var days = F.path(6)
        days[2].event = true
        var s = F.settings(hedging: true)
        s.sizing.stops = nil
        #expect(try PathEngine.run(days, settings: s).layers.isEmpty)
        s.trade.eventTrigger = true
        let run = try PathEngine.run(days, settings: s)
        #expect(run.layers.first?.layer == .l1 && run.layers.first?.bought == days[2].date)
    }

    /// An event on a day with no condor open counts until the cycle ends (METHOD §12 item 17): the
    /// gap on day 1 stops the condor (a loss: the cycle goes on at step 2); entry gap 2 leaves day 2
    /// without a condor, and the event is that day; the condor opened on day 3 (at SPX 3000, inside
    /// its break-evens, VIX flat) buys L1 at once. (An event on the day a condor closes belongs to
    /// that condor: it was open at that close.)
    @Test func anEventWithNoCondorOpenCountsUntilTheCycleEnds() throws {
        var changes: [Int: (Double, Double)] = [:]
        for i in 1..<8 { changes[i] = (3000, 18) }
        var days = F.path(8, changes)
        var s = F.settings(hedging: true)
        s.trade.eventTrigger = true
        s.trade.entryGap = 2
        let quiet = try PathEngine.run(days, settings: s)
        #expect(quiet.trades.first?.reason == .stop && !quiet.layers.contains { $0.bought == days[3].date })
        days[2].event = true
        let run = try PathEngine.run(days, settings: s)
        #expect(run.trades[1].open == days[3].date && run.trades[1].step == 2)
        #expect(run.layers.first { $0.layer == .l1 }?.bought == days[3].date)
    }

    @Test func badPathsAreRefused() throws {
        var engine = try PathEngine(settings: F.settings())
        #expect(throws: ModelError.self) { try engine.play(PathDay(date: F.monday, spx: -1, vix: 18), next: nil) }
        try engine.play(PathDay(date: F.monday, spx: 6000, vix: 18), next: F.monday.adding(days: 1))
        #expect(throws: ModelError.self) { try engine.play(PathDay(date: F.monday, spx: 6000, vix: 18), next: nil) }
    }
}

@Suite struct RunFiguresTests {
    /// Marked equity 110, 99, 121 on 2026-01-01, 2026-07-02, 2027-01-01 from an account of 100.
    /// Returns 0.1, −0.1, 121/99 − 1 = 2/9. CAGR = 1.21^(365/365) − 1 = 0.21. Peak 110 on 2026-01-01,
    /// trough 99 on 2026-07-02: $11 = 10 %; back above the peak on 2027-01-01: 365 days under water.
    /// mean = (2/9)/3 = 2/27; E[r²] = (0.01 + 0.01 + 4/81)/3; SD = √(E[r²] − mean²) (divides by n).
    @Test func definitionsByHand() {
        var a = FiguresAccumulator(initial: 100, rate: 0)
        a.add(CalendarDate(year: 2026, month: 1, day: 1)!, 110)
        a.add(CalendarDate(year: 2026, month: 7, day: 2)!, 99)
        a.add(CalendarDate(year: 2027, month: 1, day: 1)!, 121)
        func trade(_ r: Double) -> PathTrade {
            let d = CalendarDate(year: 2026, month: 1, day: 1)!
            return PathTrade(open: d, close: d, reason: .expiry, step: 1, contracts: 1, strikes: [], credit: 0,
                             closeCost: 0, pnl: r, hedgePnl: 0, fees: 0, result: r, equity: 0)
        }
        let f = a.figures(trades: [trade(30), trade(-10), trade(0.004), trade(-20)], cycles: 2, failedCycles: 0,
                          worstCycle: nil, cyclesPnl: 0, worstStep: 1, hedgePremium: 0, hedgePnl: 0, fees: 0)
        #expect(abs(f.cagr! - 0.21) < 1e-12)
        #expect(abs(f.maxDrawdown.depth - 11) < 1e-12)
        #expect(abs(f.maxDrawdownPct.depth - 0.1) < 1e-12)
        #expect(f.maxDrawdown.peak == CalendarDate(year: 2026, month: 1, day: 1)!)
        #expect(f.maxDrawdown.trough == CalendarDate(year: 2026, month: 7, day: 2)!)
        #expect(f.longestUnderwaterDays == 365)
        let mean = 2.0 / 27, m2 = (0.02 + 4.0 / 81) / 3
        let sd = (m2 - mean * mean).squareRoot()
        #expect(abs(f.volatility - sd * 252.0.squareRoot()) < 1e-12)
        #expect(abs(f.sharpe! - mean / sd * 252.0.squareRoot()) < 1e-12)
        // Downside: only −0.1 is below 0: √(0.01 / 3).
        #expect(abs(f.sortino! - mean / (0.01 / 3).squareRoot() * 252.0.squareRoot()) < 1e-12)
        // Scratch (0.004) is neither: 1 win, 2 losses; profit factor 30 / 30; average loss positive.
        #expect(f.wins == 1 && f.losses == 2 && f.scratches == 1 && f.trades == 4)
        #expect(f.winRate == 1.0 / 3 && f.profitFactor == 1 && f.averageLoss == 15)
    }
}

@Suite struct PathComparisonTests {
    /// SPX 100 → 120 → 90 → 130 over 2026-01-05 … 2027-01-05 (365 days): CAGR 30 %; the fall
    /// 120 → 90 is 25 % from the 01-06 peak.
    @Test func spxHeldByHand() {
        let dates = [CalendarDate(year: 2026, month: 1, day: 5)!, CalendarDate(year: 2026, month: 1, day: 6)!,
                     CalendarDate(year: 2026, month: 6, day: 1)!, CalendarDate(year: 2027, month: 1, day: 5)!]
        let days = zip(dates, [100.0, 120, 90, 130]).map { PathDay(date: $0, spx: $1, vix: 18) }
        let held = HeldIndex(days, account: 1000)
        #expect(abs(held.cagr! - 0.30) < 1e-12)
        #expect(abs(held.maxDrawdownPct.depth - 0.25) < 1e-12)
        #expect(held.maxDrawdownPct.peak == dates[1] && held.maxDrawdownPct.trough == dates[2])
        #expect(held.equityCurve.map(\.equity) == [1000, 1200, 900, 1300])
    }

    @Test func fourWaysOfOnePath() throws {
        let days = PathFixture.path(30, [1: (6000, 22), 3: (5000, 30)])
        let c = try PathComparison(days, settings: PathFixture.settings(hedging: true))
        #expect(!c.method.layers.isEmpty && c.noHedges.layers.isEmpty && c.neither.layers.isEmpty)
        #expect(c.flat.trades.allSatisfy { $0.step == 1 } && c.neither.trades.allSatisfy { $0.step == 1 })
        #expect(c.method.trades.contains { $0.step > 1 })
    }
}
