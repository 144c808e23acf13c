import HedgebookModel
import Testing

@Suite("Fills: slippage and fees on every open and close (METHOD §9, §12 item 1)")
struct FillTests {
    let market = Market()
    let date = CalendarDate(year: 2026, month: 1, day: 2)!

    @Test("Zero slippage and fees fill at today's model mids exactly, and a position opened now has P&L 0")
    func frictionlessIsTheMid() throws {
        var free = TradeSettings()
        free.slippage = 0
        free.fees = 0
        let c = try IronCondor.build(market: market, settings: CondorSettings(), fills: free)
        #expect(c.credit == c.modelCredit)
        #expect(c.shortPutFill == c.shortPutQuote.price && c.longPutFill == c.longPutQuote.price)
        #expect(c.shortCallFill == c.shortCallQuote.price && c.longCallFill == c.longCallQuote.price)
        let p = Position.condor(c, contracts: 3, opened: date, cycle: 1, step: 1)
        #expect(p.openingFees == 0)
        for (leg, q) in zip(p.legs, [c.longPutQuote, c.shortPutQuote, c.shortCallQuote, c.longCallQuote]) {
            #expect(leg.entryPrice == q.price)
        }
        let m = p.mark(market: market, on: date, fills: free)
        #expect(m.pnl == 0 && m.closingFees == 0 && m.liquidation == m.value)
        let plan = try HedgePlan(market: market, equity: 100_000, step: 1, sizing: SizingSettings(), hedge: HedgeSettings())
        let h = Position.hedge(plan.layer(.l1), market: market, opened: date, cycle: 1, step: 1, fills: free)
        #expect(h.mark(market: market, on: date, fills: free).pnl == 0)
        #expect(abs(h.entryValue - plan.layer(.l1).premium) < 1e-9)
    }

    @Test("Slippage moves each leg by its points and fees come off per leg and contract")
    func slippageAndFees() throws {
        let fills = TradeSettings()  // 0.05 a leg, $1.00 a contract a leg
        let c = try IronCondor.build(market: market, settings: CondorSettings(), fills: fills)
        // Four legs each 0.05 worse: 100 × 4 × 0.05 = $20, plus 4 × $1 fees = $24 under the model credit.
        #expect(abs(c.modelCredit - c.credit - 24) < 1e-9)
        #expect(abs(c.maxLoss - (5_000 - c.credit)) < 1e-9)
        #expect(abs(c.lowerBreakEven - (c.shortPut - c.credit / 100)) < 1e-12)
        var xsp = CondorSettings()
        xsp.underlying = .xsp
        let x = try IronCondor.build(market: market, settings: xsp, fills: fills)
        // XSP legs take a tenth of the slippage: 100 × 4 × 0.005 = $2, plus $4 of fees.
        #expect(abs(x.modelCredit - x.credit - 6) < 1e-9)
        // Opened and closed at once: both sides' slippage and both sides' fees are lost.
        let p = Position.condor(c, contracts: 2, opened: date, cycle: 1, step: 1)
        let m = p.mark(market: market, on: date, fills: fills)
        #expect(abs(m.pnl - -(2 * (20 + 4) + 2 * (20 + 4))) < 1e-9)
    }

    @Test("A layer whose sale value does not exceed its closing fees is written off: no proceeds, no fee")
    func writeOff() throws {
        var fills = TradeSettings()
        fills.fees = 1_000
        let plan = try HedgePlan(market: market, equity: 100_000, step: 1, sizing: SizingSettings(), hedge: HedgeSettings())
        let h = Position.hedge(plan.layer(.l3), market: market, opened: date, cycle: 1, step: 1, fills: fills)
        let m = h.mark(market: market, on: date, fills: fills)
        #expect(m.writtenOff && m.liquidation == 0 && m.closingFees == 0)
        #expect(abs(m.pnl - (-h.entryValue - h.openingFees)) < 1e-9)
    }

    @Test("Listed expiries move back from a weekend to the Friday before")
    func listedExpiry() {
        let friday = CalendarDate(year: 2026, month: 1, day: 2)!  // a Friday
        #expect(friday.isoWeekday == 5)
        #expect(friday.expiry(dte: 45) == CalendarDate(year: 2026, month: 2, day: 16)!)  // a Monday: kept
        #expect(friday.expiry(dte: 30) == CalendarDate(year: 2026, month: 1, day: 30)!)  // Sunday 1 Feb → Friday
        #expect(friday.expiry(dte: 29) == CalendarDate(year: 2026, month: 1, day: 30)!)  // Saturday → Friday
        #expect(friday.expiry(dte: 1) == CalendarDate(year: 2026, month: 1, day: 3)!)  // would go back to today: kept
    }
}
