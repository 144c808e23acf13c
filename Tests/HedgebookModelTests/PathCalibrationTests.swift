#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import HedgebookModel

@Suite struct PathCalibrationTests {
    /// METHOD §10: with vrp 1, rate = dividend = μ = 0, VIX at θv with VVIX 1 (VIX all but still),
    /// no jumps and no costs, every option price is a martingale on the paths, so a flat-sized,
    /// unhedged condor's mean P&L is zero whatever its exits (here: the default 90 % stop and expiry).
    @Test func aFairMarketGivesNoEdge() throws {
        var pm = PathMarketSettings()
        pm.vrp = 1
        pm.mu = 0
        pm.jumps = 0
        var s = PathSettings(startEquity: 1_000_000)
        s.market.rate = 0
        s.market.dividendYield = 0
        s.market.vvix = 1
        s.trade.slippage = 0
        s.trade.fees = 0
        s.sizing.cap = 1
        let start = PathDay(date: CalendarDate(year: 2026, month: 1, day: 5)!, spx: 6000, vix: pm.thetaV)
        let market = try SimulatedMarket(settings: pm, start: start, vvix: 1)
        let sim = try PathSimulation(market: market, settings: s.neither, years: 10, paths: 60, seed: 11, comparisons: false)
        let r = sim.run()
        let mean = try #require(r.main.meanPnlPerTrade), se = try #require(r.main.standardError)
        #expect(r.main.trades > 3000)
        #expect(abs(mean) < 3 * se, "mean \(mean) ± \(se)")
    }

    /// The same market with the default vrp 0.8: realised volatility below implied is the seller's
    /// edge, many standard errors above zero.
    @Test func realisedBelowImpliedIsTheEdge() throws {
        var pm = PathMarketSettings()
        pm.mu = 0
        pm.jumps = 0
        var s = PathSettings(startEquity: 1_000_000)
        s.market.rate = 0
        s.market.dividendYield = 0
        s.trade.slippage = 0
        s.trade.fees = 0
        s.sizing.cap = 1
        let start = PathDay(date: CalendarDate(year: 2026, month: 1, day: 5)!, spx: 6000, vix: pm.thetaV)
        let market = try SimulatedMarket(settings: pm, start: start, vvix: 1)
        let r = try PathSimulation(market: market, settings: s.neither, years: 10, paths: 30, seed: 11, comparisons: false).run()
        let mean = try #require(r.main.meanPnlPerTrade), se = try #require(r.main.standardError)
        #expect(mean > 5 * se)
    }

    /// A seed gives the same numbers, however the two threads are scheduled; another seed does not.
    @Test func deterministicForASeed() throws {
        let start = PathDay(date: CalendarDate(year: 2026, month: 1, day: 5)!, spx: 6000, vix: 18)
        let market = try SimulatedMarket(settings: PathMarketSettings(), start: start, vvix: 90)
        let sim = try PathSimulation(market: market, settings: PathSettings(startEquity: 1_000_000), years: 2, paths: 7, seed: 3)
        let a = sim.run(), b = sim.run()
        #expect(a.main == b.main && a.flat == b.flat && a.spxCagr == b.spxCagr)
        // Path 5 alone is what the run played for path 5.
        #expect(sim.play(index: 5).main == sim.play(index: 5).main)
        // Played alone, without the shared marks, each run gives the same outcome bit for bit.
        var g = market.path(seed: 3, index: 5)
        let days = (0..<sim.daysPerPath).map { _ in g.next() }
        let lockstep = sim.play(index: 5)
        #expect(RunOutcome(try PathEngine.run(days, settings: sim.settings)) == lockstep.main)
        #expect(RunOutcome(try PathEngine.run(days, settings: sim.settings.flat)) == lockstep.flat)
        #expect(RunOutcome(try PathEngine.run(days, settings: sim.settings.noHedges)) == lockstep.noHedges)
        #expect(RunOutcome(try PathEngine.run(days, settings: sim.settings.neither)) == lockstep.neither)
        var other = sim
        other.seed = 4
        #expect(other.run().main.finalEquity != a.main.finalEquity)
    }

    /// Weekdays only; Monday's step spans the weekend; the first day is the start.
    @Test func simulatedDaysAreWeekdays() throws {
        let start = PathDay(date: CalendarDate(year: 2026, month: 1, day: 9)!, spx: 6000, vix: 18)  // a Friday
        let market = try SimulatedMarket(settings: PathMarketSettings(), start: start, vvix: 90)
        var p = market.path(seed: 1, index: 0)
        let days = (0..<20).map { _ in p.next() }
        #expect(days[0] == start)
        #expect(days[1].date == CalendarDate(year: 2026, month: 1, day: 12)!)
        #expect(days.allSatisfy { !$0.date.isWeekend })
        // One year: 2026-01-09 … 2027-01-09 = 52 weeks and a Saturday: 260 weekdays after the start, plus the start.
        #expect(market.days(years: 1) == 261)
    }

    /// A step with no shock moves log VIX by κ(ln θ − x)Δ and log SPX by (μ − σ²/2)Δ: checked on the
    /// mean of many one-day steps from VIX 30 (Monday to Tuesday, Δ = 1/365), within 5 SE.
    @Test func oneStepMeans() throws {
        var pm = PathMarketSettings()
        pm.jumps = 0
        let start = PathDay(date: CalendarDate(year: 2026, month: 1, day: 5)!, spx: 6000, vix: 30)
        let market = try SimulatedMarket(settings: pm, start: start, vvix: 90)
        let n = 40_000
        var sx = 0.0, ss = 0.0
        for i in 0..<n {
            var p = market.path(seed: 9, index: i)
            _ = p.next()
            let d = p.next()
            sx += log(d.vix / 30)
            ss += log(d.spx / 6000)
        }
        let dt = 1.0 / 365
        let ex = pm.kappaV * (log(pm.thetaV) - log(30)) * dt
        let sigma = pm.vrp * 0.30
        let es = (pm.mu - sigma * sigma / 2) * dt
        #expect(abs(sx / Double(n) - ex) < 5 * 0.9 * dt.squareRoot() / Double(n).squareRoot())
        #expect(abs(ss / Double(n) - es) < 5 * sigma * dt.squareRoot() / Double(n).squareRoot())
    }
}

@Suite struct MarketStatisticsTests {
    /// Without jumps the log-VIX OU is stationary around ln θv with SD η/√(2κ) = 0.9/√10 = 0.2846;
    /// daily changes correlate at ρ × E[σ]/√E[σ²] = ρ e^{−0.081/2} = −0.672 (SPX's σ moves with VIX); SPX realises vrp × VIX: SD(daily) × √252 ÷ mean VIX ≈ vrp ×
    /// √(252 × 1.4/365) ≈ 0.983 vrp (a weekday step spans 7/5 calendar days on average) with a
    /// little more from Jensen (E[VIX²] > E[VIX]²). Tolerances are wide: this is a sanity check.
    @Test func theDefaultMarketWithoutJumps() throws {
        var pm = PathMarketSettings()
        pm.jumps = 0
        let start = PathDay(date: CalendarDate(year: 2026, month: 1, day: 5)!, spx: 6000, vix: 18)
        let market = try SimulatedMarket(settings: pm, start: start, vvix: 90)
        var stats = MarketStatistics()
        for i in 0..<40 {
            var p = market.path(seed: 2, index: i)
            stats.add((0..<market.days(years: 10)).map { _ in p.next() })
        }
        #expect(abs(stats.correlation - pm.rho * exp(-0.081 / 2)) < 0.02)
        #expect(abs(stats.logVixChangeSD - 0.9 * (1.4 / 365).squareRoot()) < 0.004)
        #expect(abs(stats.realisedOverImplied - 0.8 * 0.983) < 0.05)
        #expect(abs(stats.vixMean - 18 * exp(0.081 / 2)) < 1)
        #expect(stats.shareOfFalls3 < 0.01)
    }
}
