import HedgebookModel
import Testing

@Suite("Hedge: layer triggers at their thresholds (METHOD §6)")
struct HedgeTriggerTests {
    let settings = HedgeSettings()
    let day0 = CalendarDate(year: 2026, month: 1, day: 2)!

    func fires(_ x: HedgeTriggerInputs) throws -> [Bool] {
        try HedgeTriggers.evaluate(x, settings: settings).map(\.fires)
    }

    @Test("L1 on a VIX spike: exactly 1.2 × fires, just below does not", arguments: [(21.6, true), (21.59, false), (25, true)])
    func spike(vix: Double, expected: Bool) throws {
        let t = try HedgeTriggers.evaluate(HedgeTriggerInputs(date: day0, vix: vix, vixAtCycleStart: 18), settings: settings)
        #expect(t[0].fires == expected)
        #expect(t[0].reasons[0].contains(expected ? "met" : "not met"))
    }

    @Test("L1 on a flagged event")
    func event() throws {
        let x = HedgeTriggerInputs(date: day0, vix: 18, vixAtCycleStart: 18, flaggedEvents: ["FOMC"])
        let t = try HedgeTriggers.evaluate(x, settings: settings)
        #expect(t[0].fires && t[0].reasons.contains("event flagged: FOMC"))
        #expect(try fires(HedgeTriggerInputs(date: day0, vix: 18, vixAtCycleStart: 18)) == [false, false, false])
    }

    @Test("L1 on SPX beyond a break-even; on the break-even is not beyond",
          arguments: [(5_749.99, true), (5_750, false), (6_000, false), (6_250, false), (6_250.01, true)])
    func breakEven(spx: Double, expected: Bool) throws {
        let x = HedgeTriggerInputs(date: day0, vix: 18, vixAtCycleStart: 18, spx: spx, breakEvens: 5_750...6_250)
        #expect(try fires(x)[0] == expected)
    }

    @Test("L2 only inside days 7–14 after L1 and only while L1 loses",
          arguments: [(6, -1.0, false), (7, -1, true), (14, -1, true), (15, -1, false), (10, 0, false), (10, 50, false)])
    func window(day: Int, pnl: Double, expected: Bool) throws {
        let x = HedgeTriggerInputs(date: day0.adding(days: day), vix: 18, vixAtCycleStart: 18, l1OpenDate: day0, l1PnL: pnl)
        let l2 = try HedgeTriggers.evaluate(x, settings: settings)[1]
        #expect(l2.fires == expected)
        #expect(l2.window == CalendarDate(year: 2026, month: 1, day: 9)!...CalendarDate(year: 2026, month: 1, day: 16)!)
        if day == 6 { #expect(l2.reasons[0].contains("the window opens 2026-01-09")) }
        if day == 15 { #expect(l2.reasons[0].contains("the window closed 2026-01-16")) }
    }

    @Test("L2 without an open L1 does not fire")
    func noL1() throws {
        let l2 = try HedgeTriggers.evaluate(HedgeTriggerInputs(date: day0, vix: 40, vixAtCycleStart: 18), settings: settings)[1]
        #expect(!l2.fires && l2.window == nil)
    }

    @Test("L3 on step ≥ 3 or VIX ≥ 30", arguments: [(2, 29.99, false), (3, 18, true), (2, 30, true), (4, 35, true)])
    func anchor(step: Int, vix: Double, expected: Bool) throws {
        let x = HedgeTriggerInputs(date: day0, vix: vix, vixAtCycleStart: vix, step: step)
        #expect(try fires(x)[2] == expected)
    }

    @Test("Bad trigger inputs are typed errors")
    func bad() {
        #expect(throws: ModelError.self) {
            _ = try HedgeTriggers.evaluate(HedgeTriggerInputs(date: day0, vix: .nan, vixAtCycleStart: 18), settings: settings)
        }
        #expect(throws: ModelError.self) {
            _ = try HedgeTriggers.evaluate(HedgeTriggerInputs(date: day0, vix: 18, vixAtCycleStart: 0), settings: settings)
        }
    }
}
