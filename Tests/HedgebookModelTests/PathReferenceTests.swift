import Testing
@testable import HedgebookModel

/// The engine against an independent reimplementation of METHOD §9/§12 written from the text
/// (scripts/reference/path_engine_reference.py, scipy's normal CDF, brute-force strikes): the
/// same hand-made path, trade by trade and layer by layer, to a thousandth of a cent.
@Suite struct PathReferenceTests {
    /// 90 weekdays from 2026-01-05: a drift up, a VIX spike, a crash, a recovery (as the script's `path()`).
    static func path() -> [PathDay] {
        PathFixture.weekdays(from: PathFixture.monday, 90).enumerated().map { i, d in
            let s: Double, v: Double
            if i < 18 { (s, v) = (6000 + 8 * Double(i), 18) }
            else if i < 20 { (s, v) = (6130 - 30 * Double(i - 17), 23) }
            else if i < 23 { (s, v) = (5650 - 60 * Double(i - 20), 31 + Double(i - 20)) }
            else { (s, v) = (5530 + 12 * Double(i - 23), max(17, 33 - 0.6 * Double(i - 23))) }
            return PathDay(date: d, spx: s, vix: v)
        }
    }

    // Printed by `python3 scripts/reference/path_engine_reference.py`.
    static let trades: [(String, String, String, Int, Int, Double, Double, Double, Double, Double)] = [
        ("2026-01-05", "2026-02-03", "stop", 1, 7, 9920.078348, 20223.405071, -10331.326723, 22584.263492, 1012252.936769),
        ("2026-02-04", "2026-03-20", "expiry", 1, 7, 10444.896788, 0.000000, 10444.896788, 0.000000, 1022697.833558),
        ("2026-03-23", "2026-05-07", "expiry", 1, 8, 11285.680680, 4000.000000, 7285.680680, 0.000000, 1029983.514238),
    ]
    static let layers: [(String, String, String, String, Int, Double, Double, Double)] = [
        ("L1", "2026-01-29", "2026-02-03", "withcondor", 80, 9956.830988, 32861.094480, 22584.263492),
        ("L3", "2026-02-02", "2026-05-08", "end", 35, 3950.607779, 0.000000, -3985.607779),
    ]
    static let finalEquity = 1025997.906458

    /// 160 weekdays: two falls a month apart and VIX spikes that fade (the script's `path2()`),
    /// played with `hedgeclose expiry`: steps 1 to 4, L1, L2 and L3, layers settling inside later condors.
    static func path2() -> [PathDay] {
        PathFixture.weekdays(from: PathFixture.monday, 160).enumerated().map { i, d in
            var s = 6000 + 6 * Double(i)
            if (15..<40).contains(i) { s -= 250 }
            if (45..<80).contains(i) { s -= 320 }
            if (100..<104).contains(i) { s -= 200 }
            var v = 18.0
            if (15..<25).contains(i) { v += 6 }
            if (45..<52).contains(i) { v += 9 }
            if i > 120 { v -= 0.1 * Double(i) }
            return PathDay(date: d, spx: s, vix: v)
        }
    }

    // Printed by `python3 scripts/reference/path_engine_reference.py 2`.
    static let trades2: [(String, String, String, Int, Int, Double, Double, Double, Double, Double)] = [
        ("2026-01-05", "2026-02-19", "expiry", 1, 7, 9920.078348, 0.000000, 9920.078348, 0.000000, 1009920.078348),
        ("2026-02-20", "2026-04-06", "expiry", 1, 7, 9888.504389, 0.000000, 9888.504389, -21140.396680, 998668.186057),
        ("2026-04-07", "2026-05-12", "stop", 2, 14, 19833.530872, 37731.830886, -17954.300014, -11300.095874, 969413.790168),
        ("2026-05-13", "2026-06-26", "expiry", 3, 31, 44313.485905, 0.000000, 44313.485905, -11991.229042, 1001736.047031),
        ("2026-06-29", "2026-08-06", "stop", 3, 38, 44267.388837, 74403.731971, -30288.343134, -11673.017846, 959774.686051),
        ("2026-08-07", "2026-08-14", "end", 4, 82, 70901.740146, 49430.051571, 21143.688576, -3881.153875, 977037.220752),
    ]
    static let layers2: [(String, String, String, String, Int, Double, Double, Double)] = [
        ("L1", "2026-01-26", "2026-02-25", "expiry", 80, 9818.825527, 0.000000, -9978.825527),
        ("L2", "2026-02-02", "2026-04-03", "expiry", 80, 11001.571153, 0.000000, -11161.571153),
        ("L1", "2026-03-09", "2026-04-08", "expiry", 79, 11142.095874, 0.000000, -11300.095874),
        ("L1", "2026-05-06", "2026-06-05", "expiry", 109, 11773.229042, 0.000000, -11991.229042),
        ("L2", "2026-05-13", "2026-07-10", "expiry", 85, 11503.017846, 0.000000, -11673.017846),
        ("L3", "2026-05-13", "2026-08-14", "end", 43, 3838.153875, 0.000000, -3881.153875),
    ]
    static let finalEquity2 = 977037.220752

    @Test func tradeByTrade() throws {
        var s = PathSettings(startEquity: 1_000_000)
        s.sizing.cap = 1
        try Self.compare(PathEngine.run(Self.path(), settings: s), Self.trades, Self.layers, Self.finalEquity)
    }

    @Test func tradeByTradeHeldToExpiry() throws {
        var s = PathSettings(startEquity: 1_000_000)
        s.sizing.cap = 1
        s.trade.hedgeClose = .expiry
        try Self.compare(PathEngine.run(Self.path2(), settings: s), Self.trades2, Self.layers2, Self.finalEquity2)
    }

    static func compare(
        _ run: PathRun, _ trades: [(String, String, String, Int, Int, Double, Double, Double, Double, Double)],
        _ layers: [(String, String, String, String, Int, Double, Double, Double)], _ finalEquity: Double
    ) throws {
        try #require(run.trades.count == trades.count)
        for (t, r) in zip(run.trades, trades) {
            #expect(t.open.description == r.0 && t.close.description == r.1 && t.reason.rawValue == r.2)
            #expect(t.step == r.3 && t.contracts == r.4)
            for (a, b) in [(t.credit, r.5), (t.closeCost, r.6), (t.pnl, r.7), (t.hedgePnl, r.8), (t.equity, r.9)] {
                #expect(abs(a - b) < 1e-5, "\(t.open): \(a) against \(b)")
            }
        }
        try #require(run.layers.count == layers.count)
        for (l, r) in zip(run.layers, layers) {
            #expect(l.layer.label == r.0 && l.bought.description == r.1 && l.sold.description == r.2 && l.reason.rawValue == r.3)
            #expect(l.contracts == r.4)
            for (a, b) in [(l.premium, r.5), (l.proceeds, r.6), (l.pnl, r.7)] { #expect(abs(a - b) < 1e-5) }
        }
        #expect(abs(run.figures.finalEquity - finalEquity) < 1e-5)
    }
}
