import Foundation
import HedgebookModel
import Testing

@Suite("What-if: shocks, the spot–vol rule and P&L grids")
struct ScenarioTests {
    let day0 = CalendarDate(year: 2026, month: 1, day: 2)!
    let market = Market()

    func book() throws -> [Position] {
        let c = try IronCondor.build(market: market, settings: CondorSettings())
        let plan = try HedgePlan(market: market, equity: 100_000, step: 1, sizing: SizingSettings(), hedge: HedgeSettings())
        return [Position.condor(c, contracts: 4, opened: day0, cycle: 1, step: 1),
                Position.hedge(plan.layer(.l1), market: market, opened: day0, cycle: 1, step: 1)]
    }

    @Test("A shock at zero move and zero time is exactly zero P&L, with or without a VIX level")
    func zeroShock() throws {
        var m = market
        m.vixFutureQuotes[30] = 19.5
        for vix in [nil, m.vix] as [Double?] {
            let r = try ScenarioPnL(positions: try book(), market: m, date: day0,
                                    scenario: Scenario(spxMove: 0, vix: vix, days: 0), rule: SpotVolRule())
            #expect(r.pnl == [0, 0])
            #expect(r.net == 0)
        }
    }

    /// V' = 18 / 0.92^5 = 18 / 0.6590815232 = 27.31073… ; 18 / 1.01^5 = 18 / 1.0510100501 = 17.12638…
    @Test("The spot–vol rule: constant elasticity −5", arguments: [
        (-0.08, 27.310_734), (0.01, 17.126_382), (0.0, 18.0),
    ])
    func spotVol(move: Double, expected: Double) {
        #expect(abs(SpotVolRule().vix(from: 18, spxMove: move) - expected) < 1e-5)
        #expect(SpotVolRule(elasticity: 0).vix(from: 18, spxMove: move) == 18)
    }

    @Test("Down in SPX with VIX up: the short condor loses and the VIX call spread gains")
    func crash() throws {
        let r = try ScenarioPnL(positions: try book(), market: market, date: day0,
                                scenario: Scenario(spxMove: -0.08, vix: 35, days: 5), rule: SpotVolRule())
        #expect(r.pnl[0] < 0)
        #expect(r.pnl[1] > 0)
        #expect(r.market.spx == 6000 * 0.92)
        #expect(r.date == day0.adding(days: 5))
    }

    @Test("A quoted VIX future moves by the model curve's change at its expiry")
    func quotedFutureShift() {
        var m = market
        m.vixFutureQuotes[30] = 19.5
        let s = m.shocked(spxMove: 0, vix: 28)
        #expect(abs(s.vixFutureQuotes[30]! - (19.5 + 10 * exp(-4 * 30.0 / 365))) < 1e-12)
        #expect(m.shocked(spxMove: -0.05, vix: 18).vixFutureQuotes[30] == 19.5)
    }

    @Test("A grid has one row per SPX move and one column per VIX level; each cell is the equivalent shock")
    func gridMatchesShock() throws {
        let moves = [-0.1, -0.08, 0, 0.04]
        let levels = [15.0, 35, 45]
        let g = try PnLGrid(positions: try book(), market: market, date: day0, spxMoves: moves, vixLevels: levels, days: 5)
        #expect(g.pnl.count == 4 && g.pnl.allSatisfy { $0.count == 3 })
        for (i, move) in moves.enumerated() {
            for (j, vix) in levels.enumerated() {
                let s = try ScenarioPnL(positions: try book(), market: market, date: day0,
                                        scenario: Scenario(spxMove: move, vix: vix, days: 5), rule: SpotVolRule())
                #expect(g.pnl[i][j] == s.net)
            }
        }
    }

    @Test("Impossible scenarios are refused, not priced", arguments: [
        Scenario(spxMove: -1), Scenario(spxMove: -1.5), Scenario(vix: 0), Scenario(vix: 2000), Scenario(days: -1),
    ])
    func refusals(_ s: Scenario) throws {
        #expect(throws: ModelError.self) {
            _ = try ScenarioPnL(positions: try book(), market: market, date: day0, scenario: s, rule: SpotVolRule())
        }
    }
}
