import HedgebookModel
import Testing

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

@Suite("Journal: the figures of METHOD §7")
struct JournalTests {
    let settings = SizingSettings()
    let d0 = CalendarDate(year: 2026, month: 1, day: 2)!

    func day(_ n: Int) -> CalendarDate { d0.adding(days: n) }

    var sample: [JournalEntry] {
        [
            JournalEntry(date: day(0), .account(100_000)),
            JournalEntry(date: day(0), .credit(435)),
            JournalEntry(date: day(0), .hedgeBought(.l1, premium: 784, contracts: 8)),
            JournalEntry(date: day(7), .loss(900)),
            JournalEntry(date: day(14), .win(320)),
            JournalEntry(date: day(21), .loss(1_620)),
            JournalEntry(date: day(28), .win(3_000)),
        ]
    }

    @Test("Win rate, averages, break-even, drawdown, cycles and hedge cost / credit")
    func figures() throws {
        let r = try JournalReport(entries: sample, asOf: day(30), settings: settings)
        #expect(r.wins == 2 && r.losses == 2 && r.winRate == 0.5)
        #expect(r.averageWin == 1_660 && r.averageLoss == 1_260)
        #expect(sizingClose(r.breakEvenWinRate ?? -1, 1_260.0 / 2_920))
        #expect(r.maxDrawdown.dollars == 2_200)
        #expect(sizingClose(r.maxDrawdown.fraction, 0.022))
        #expect(r.maxDrawdown.peakDate == day(0) && r.maxDrawdown.troughDate == day(21))
        #expect(r.completedCycles.count == 1 && r.worstStep == 3)
        #expect(r.completedCycles[0].outcome == .recovered && r.completedCycles[0].pnl == 800)
        #expect(sizingClose(r.hedgeCostRatio ?? -1, 784.0 / 435))
        #expect(r.cycleHedgeCosts == [CycleHedgeCost(cycle: 1, premium: 784, credit: 435, ratio: 784.0 / 435)])
        #expect(r.equity == 100_800 && r.equityCurve.last?.equity == 100_800)
        let finite = r.explanations.allSatisfy { $0.value.isFinite }
        #expect(finite)
    }

    @Test("Deposits and withdrawals are not drawdowns")
    func flowsAreNotDrawdowns() throws {
        let entries = [
            JournalEntry(date: day(0), .account(100_000)), JournalEntry(date: day(1), .withdraw(50_000)),
            JournalEntry(date: day(2), .loss(500)), JournalEntry(date: day(3), .deposit(10_000)),
        ]
        let r = try JournalReport(entries: entries, asOf: day(3), settings: settings)
        #expect(r.maxDrawdown.dollars == 500)
        #expect(sizingClose(r.maxDrawdown.fraction, 0.01))
    }

    @Test("With no deposits the IRR is (E_now / E_0)^(365/days) − 1")
    func irrClosedForm() throws {
        let entries = [JournalEntry(date: day(0), .account(100_000)), JournalEntry(date: day(90), .win(10_000))]
        let r = try JournalReport(entries: entries, asOf: day(180), settings: settings)
        let expected = pow(1.1, 365.0 / 180) - 1
        #expect(sizingClose(r.irr.rate ?? -1, expected, 1e-10))
        #expect(sizingClose(expected, 0.213207725404, 1e-11))  // the scipy reference
    }

    @Test("With flows the IRR matches scipy's brentq")
    func irrReference() throws {
        let entries = [
            JournalEntry(date: day(0), .account(100_000)),
            JournalEntry(date: CalendarDate(year: 2026, month: 3, day: 15)!, .deposit(20_000)),
            JournalEntry(date: CalendarDate(year: 2026, month: 7, day: 1)!, .withdraw(5_000)),
            JournalEntry(date: CalendarDate(year: 2026, month: 9, day: 1)!, .win(15_000)),
        ]
        let r = try JournalReport(entries: entries, asOf: CalendarDate(year: 2026, month: 12, day: 31)!, settings: settings)
        #expect(r.equity == 130_000)
        #expect(sizingClose(r.irr.rate ?? -1, 0.133062064241, 1e-10))
    }

    @Test("Each hedge layer has its own ledger and IRR")
    func layerIRR() throws {
        let entries = [
            JournalEntry(date: day(0), .account(100_000)),
            JournalEntry(date: day(0), .hedgeBought(.l1, premium: 1_000, contracts: 10)),
            JournalEntry(date: day(30), .hedgeMark(.l1, value: 1_100)),
        ]
        let r = try JournalReport(entries: entries, asOf: day(30), settings: settings)
        let l1 = r.layers[0]
        #expect(l1.pnl == 100 && l1.contractsHeld == 10 && l1.openedOn == day(0))
        #expect(sizingClose(l1.irr.rate ?? -1, pow(1.1, 365.0 / 30) - 1, 1e-9))
        #expect(r.layers[1].irr.rate == nil && r.layers[1].irr.reason == "no flows")
        #expect(r.equity == 100_000)  // hedges keep their own ledger
    }

    @Test("Undefined IRR: under a day, or no sign change — never NaN")
    func irrUndefined() throws {
        let r = try JournalReport(entries: [JournalEntry(date: day(0), .account(100_000))], asOf: day(0), settings: settings)
        #expect(r.irr.rate == nil && r.irr.reason == "less than 1 day of history")
        #expect(r.irr.explanation.value.isNaN && r.irr.explanation.formattedValue == "undefined")  // printed, never 0
        let same = try XIRR.solve([CashFlow(date: day(0), amount: -100), CashFlow(date: day(5), amount: -50)])
        #expect(same.rate == nil && same.reason == "the flows do not change sign")
        #expect(try XIRR.solve([]).rate == nil)
        #expect(throws: ModelError.self) { _ = try XIRR.solve([CashFlow(date: day(0), amount: .nan)]) }
    }

    @Test("XIRR solves extreme but finite rates; flow order does not matter")
    func irrExtreme() throws {
        let doubled = try XIRR.solve([CashFlow(date: day(1), amount: 200), CashFlow(date: day(0), amount: -100)])
        #expect(doubled.rate.map { $0.isFinite && abs(log1p($0) - 365 * log(2.0)) < 1e-9 } == true)
        let lost = try XIRR.solve([CashFlow(date: day(0), amount: -100), CashFlow(date: day(365), amount: 1)])
        #expect(sizingClose(lost.rate ?? 0, -0.99, 1e-10))
    }

    @Test("Entries going back in time, or before an account, are refused")
    func refusals() {
        let back = [JournalEntry(date: day(5), .account(100_000)), JournalEntry(date: day(1), .win(10))]
        #expect(throws: ModelError.self) { _ = try JournalReport(entries: back, asOf: day(6), settings: settings) }
        let early = [JournalEntry(date: day(0), .credit(100))]
        #expect(throws: ModelError.self) { _ = try JournalReport(entries: early, asOf: day(6), settings: settings) }
        #expect(throws: ModelError.self) { _ = try JournalReport(entries: sample, asOf: day(1), settings: settings) }
        let bad = [JournalEntry(date: day(0), .account(100_000)), JournalEntry(date: day(0), .hedgeBought(.l2, premium: .nan, contracts: 1))]
        #expect(throws: ModelError.self) { _ = try JournalReport(entries: bad, asOf: day(6), settings: settings) }
    }
}

@Suite("Journal: one account and two drawdowns (METHOD §7, §12 item 11)")
struct JournalAccountTests {
    let settings = SizingSettings()
    let d0 = CalendarDate(year: 2026, month: 1, day: 2)!
    func day(_ n: Int) -> CalendarDate { d0.adding(days: n) }

    /// Worked by hand: 100,000 − 10,000 = 90,000 is the largest fall in percent (10 % of the
    /// 100,000 peak, days 0 → 1); after a 900,000 deposit (peak 1,000,000) a win to 1,010,000 and
    /// a loss of 50,000 is the largest in dollars (4.95 % of its peak, days 3 → 4).
    @Test("The largest drawdown in dollars and the largest in percent are found separately")
    func twoDrawdowns() throws {
        let entries = [
            JournalEntry(date: day(0), .account(100_000)),
            JournalEntry(date: day(1), .loss(10_000)),
            JournalEntry(date: day(2), .deposit(900_000)),
            JournalEntry(date: day(3), .win(20_000)),
            JournalEntry(date: day(4), .loss(50_000)),
        ]
        let r = try JournalReport(entries: entries, asOf: day(4), settings: settings)
        #expect(r.maxDrawdown.dollars == 50_000 && r.maxDrawdown.peakDate == day(3) && r.maxDrawdown.troughDate == day(4))
        #expect(abs(r.maxDrawdown.fraction - 50_000 / 1_010_000) < 1e-15)
        #expect(r.maxDrawdownPct.fraction == 0.1 && r.maxDrawdownPct.peakDate == day(0) && r.maxDrawdownPct.troughDate == day(1))
    }

    /// A condor closed at −$556.40 (fees included) after L1 was sold for +$1,881.50: the equity
    /// moves by each, the martingale takes their sum, +$1,325.10, a win that ends the cycle.
    @Test("Hedge sales and condor closes move the equity by their own P&L; the martingale takes the result")
    func oneAccount() throws {
        let entries = [
            JournalEntry(date: day(0), .account(100_000)),
            JournalEntry(date: day(0), .credit(1_101.95, fees: 32)),
            JournalEntry(date: day(0), .hedgeBought(.l1, premium: 843.36, contracts: 8, fees: 16)),
            JournalEntry(date: day(10), .hedgeSold(.l1, proceeds: 2_756.86, contracts: 8, fees: 16, pnl: 1_881.50)),
            JournalEntry(date: day(10), .condorClosed(pnl: -556.40, result: 1_325.10, fees: 32)),
        ]
        let r = try JournalReport(entries: entries, asOf: day(10), settings: settings)
        #expect(abs(r.equity - 101_325.10) < 1e-9)
        #expect(r.wins == 1 && r.losses == 0 && r.averageWin == 1_325.10)
        #expect(r.completedCycles.count == 1 && r.martingale.step == 1)
        #expect(r.fees == 96)
        let l1 = r.layers[0]
        #expect(abs(l1.premiumPaid - 859.36) < 1e-9 && abs(l1.proceeds - 2_740.86) < 1e-9 && abs(l1.pnl - 1_881.50) < 1e-9)
        #expect(r.ledger.map(\.entry.kindName) == ["account", "condor opened", "L1 bought", "L1 sold", "condor closed"])
        #expect(abs(r.ledger[3].equity - 101_881.50) < 1e-9)
    }
}
