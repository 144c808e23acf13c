import HedgebookModel
import Testing

@Suite("Hedge: the quick trigger check agrees with the explained one")
struct HedgeTriggerFiringTests {
    @Test("firing == evaluate(…).fires over a grid of VIX, events, SPX, L1 dates and P&L, steps")
    func agreesWithEvaluate() throws {
        let day0 = CalendarDate(year: 2026, month: 1, day: 2)!
        var settings = HedgeSettings()
        var checked = 0, fired = [0, 0, 0]
        for spike in [1.2, 1.5] {
            settings.spikeFactor = spike
            for vix in [12.0, 21.59, 21.6, 27, 29.99, 30, 45] {
                for start: Double? in [nil, 18, 25] {
                    for events in [[], ["FOMC"]] {
                        for spx: Double? in [nil, 5_749.99, 5_750, 6_000, 6_250.01] {
                            for l1: (Int, Double?)? in [nil, (6, -1), (7, -1), (14, -5), (15, -1), (10, 0), (10, nil)] {
                                for step in [1, 2, 3, 4] {
                                    let x = HedgeTriggerInputs(
                                        date: day0.adding(days: l1?.0 ?? 0), vix: vix, vixAtCycleStart: start,
                                        flaggedEvents: events, spx: spx, breakEvens: spx == nil ? nil : 5_750...6_250,
                                        step: step, l1OpenDate: l1 == nil ? nil : day0, l1PnL: l1?.1)
                                    let quick = try HedgeTriggers.firing(x, settings: settings)
                                    let full = try HedgeTriggers.evaluate(x, settings: settings).map(\.fires)
                                    #expect(quick == full, "\(x)")
                                    for i in 0..<3 where quick[i] { fired[i] += 1 }
                                    checked += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        // The grid reaches both answers of every layer.
        #expect(checked == 2 * 7 * 3 * 2 * 5 * 7 * 4)
        #expect(fired.allSatisfy { $0 > 0 && $0 < checked })
    }

    @Test func refusesWhatEvaluateRefuses() {
        let x = HedgeTriggerInputs(date: CalendarDate(year: 2026, month: 1, day: 2)!, vix: -1, vixAtCycleStart: 18)
        #expect(throws: ModelError.self) { try HedgeTriggers.firing(x, settings: HedgeSettings()) }
        #expect(throws: ModelError.self) { try HedgeTriggers.evaluate(x, settings: HedgeSettings()) }
    }
}
