import Foundation
import HedgebookModel
import Testing

@Suite("Positions: marks, settlement at expiry, put–call parity")
struct PositionTests {
    let day0 = CalendarDate(year: 2026, month: 1, day: 2)!
    let market = Market()

    func condor(contracts: Int = 3) throws -> (IronCondor, Position) {
        let c = try IronCondor.build(market: market, settings: CondorSettings())
        return (c, Position.condor(c, contracts: contracts, opened: day0, cycle: 1, step: 1))
    }

    func layer(_ kind: HedgeLayerKind) throws -> (HedgeLayer, Position) {
        let plan = try HedgePlan(market: market, equity: 100_000, step: 1, sizing: SizingSettings(), hedge: HedgeSettings())
        let l = plan.layer(kind)
        return (l, Position.hedge(l, market: market, opened: day0, cycle: 1, step: 1))
    }

    @Test("A position marked where and when it was opened has P&L exactly 0")
    func zeroAtOpen() throws {
        let (c, p) = try condor()
        let m = p.mark(market: market, on: day0)
        #expect(m.pnl == 0)
        #expect(!m.settled)
        // The entry value is the credit received, with a short's sign.
        #expect(abs(p.entryValue + 3 * c.credit) < 1e-9)
        for kind in HedgeLayerKind.allCases {
            let (l, h) = try layer(kind)
            #expect(h.mark(market: market, on: day0).pnl == 0)
            #expect(abs(h.entryValue - l.premium) < 1e-9)
        }
    }

    @Test("Position greeks are the condor's per-contract greeks × contracts")
    func greeks() throws {
        let (c, p) = try condor(contracts: 3)
        let g = p.mark(market: market, on: day0).greeks
        #expect(abs(g.delta - 3 * c.greeks.delta) < 1e-9)
        #expect(abs(g.vega - 3 * c.greeks.vega) < 1e-9)
        #expect(abs(g.theta - 3 * c.greeks.theta) < 1e-9)
    }

    /// C − P = S·e^{−qT} − K·e^{−rT} for SPX (by hand, from the definition of a forward).
    @Test("Put–call parity holds on SPX marks after time passes and the market moves",
          arguments: [(6000.0, 18.0, 0), (5500, 35, 10), (6400, 12, 44)])
    func parityIndex(spx: Double, vix: Double, days: Int) {
        var m = market
        m.spx = spx
        m.vix = vix
        m.skew = 4
        let expiry = day0.adding(days: 45)
        let call = OptionLeg(underlying: .spx, kind: .call, strike: 5900, expiry: expiry, quantity: 1, entryPrice: 0)
        var put = call
        put.kind = .put
        let date = day0.adding(days: days)
        let t = Double(45 - days) / 365
        let forward = spx * exp(-m.dividendYield * t) - 5900 * exp(-m.rate * t)
        let diff = call.quote(market: m, on: date).price - put.quote(market: m, on: date).price
        #expect(abs(diff - forward) < 1e-9 * spx)
    }

    /// C − P = e^{−rT}(F − K) for VIX options on the future of their expiry.
    @Test("Put–call parity holds on VIX marks", arguments: [18.0, 30, 45])
    func parityVix(vix: Double) {
        var m = market
        m.vix = vix
        let expiry = day0.adding(days: 30)
        let call = OptionLeg(underlying: .vix, kind: .call, strike: 22, expiry: expiry, quantity: 1, entryPrice: 0)
        var put = call
        put.kind = .put
        let date = day0.adding(days: 9)
        let t = 21.0 / 365
        let f = 20 + (vix - 20) * exp(-4 * t)
        let diff = call.quote(market: m, on: date).price - put.quote(market: m, on: date).price
        #expect(abs(diff - exp(-m.rate * t) * (f - 22)) < 1e-10)
    }

    /// At expiry a layer is worth its intrinsic value: 100 × n × (min(V, K_short) − K_long)⁺.
    @Test("A layer's P&L at expiry is its intrinsic value less the premium", arguments: [12.0, 25, 29.5, 60])
    func layerAtExpiry(vix: Double) throws {
        let (l, p) = try layer(.l1)
        var m = market
        m.vix = vix
        let expiry = day0.adding(days: l.dte)
        let short = try #require(l.shortStrike)
        let intrinsic = 100 * Double(l.contracts) * (max(0, min(vix, short) - l.longStrike))
        for date in [expiry, expiry.adding(days: 3)] {
            let mark = p.mark(market: m, on: date)
            #expect(mark.settled)
            #expect(abs(mark.value - intrinsic) < 1e-9)
            #expect(abs(mark.pnl - (intrinsic - l.premium)) < 1e-9)
        }
        #expect(!p.mark(market: m, on: expiry.adding(days: -1)).settled)
    }

    @Test("A condor at expiry: the whole credit between the shorts, the max loss beyond a wing")
    func condorAtExpiry() throws {
        let (c, p) = try condor(contracts: 2)
        let expiry = day0.adding(days: c.dte)
        var m = market
        m.spx = (c.shortPut + c.shortCall) / 2
        #expect(abs(p.mark(market: m, on: expiry).pnl - 2 * c.credit) < 1e-9)
        m.spx = c.longPut - 100
        #expect(abs(p.mark(market: m, on: expiry).pnl + 2 * c.maxLoss) < 1e-9)
        m.spx = c.shortCall + 10
        // 10 points through the short call: 100 × 2 × 10 paid back out of the credit.
        #expect(abs(p.mark(market: m, on: expiry).pnl - (2 * c.credit - 2_000)) < 1e-9)
    }
}
