import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

@Suite("What-if: shock, grid and sweep change nothing and agree with each other")
struct WhatIfShellTests {
    @Test("The grammar: durations in days or weeks, clauses in any order, ranges with steps")
    func grammar() throws {
        #expect(commands("advance 2w") == [.advance(days: 14)])
        #expect(commands("advance 7") == [.advance(days: 7)])
        var shock = ShockRequest(spxMove: -0.08, vix: 35, days: 5)
        shock.spxArgument = 3
        shock.vixArgument = 5
        #expect(commands("shock in 5d spx -8% vix 35") == [.shock(shock)])
        guard case .grid(let g)? = commands("grid vix 15..45 step 5 spx -10%..10% step 2%").first else {
            Issue.record("not a grid"); return
        }
        #expect(g.spx.values.count == 11 && g.spx.values[1] == -0.08 && g.vix.values == [15, 20, 25, 30, 35, 40, 45])
        guard case .sweep(let w)? = commands("sweep account 50k..200k step 25k layers").first else {
            Issue.record("not a sweep"); return
        }
        #expect(w.setting == "account" && w.range.values.count == 7 && w.command == .layers && w.commandArgument == 4)
    }

    @Test("Bad input is located on the token or the half of a range at fault", arguments: [
        ("shock spx -8 vix 35", 11, "expected a percentage"),
        ("shock spx -8% in 5x", 18, "unknown time"),
        ("grid spx -10%..1x0% step 2% vix 15", 17, "unexpected 'x'"),
        ("grid spx -10%..10% vix 15", 20, "unexpected argument 'vix'"),
        ("sweep acount 1..2 step 1 condor", 7, "did you mean account?"),
        ("sweep delta 10..20 step 5 nosuch", 27, "unknown command"),
        ("advance 0d", 9, "must be positive"),
    ])
    func located(_ line: String, _ column: Int, _ text: String) {
        guard case .failure(let e) = Parser.parse(line: line) else { Issue.record("\(line) parsed"); return }
        #expect(e.span.column == column, "\(e.message)")
        #expect((e.message + " " + (e.hint ?? "")).contains(text), "\(e.message)")
    }

    @Test("A shock at zero move and zero time is exactly zero, and a shock changes nothing")
    func zeroShock() throws {
        let s = whatIfShell("account 400000", "open condor", "hedge L1", "future 30 19.5")
        let before = (s.session.state.positions, s.session.state.market, s.session.state.date, s.session.log.count)
        for line in ["shock spx 0% vix 18", "shock spx 0%", "shock in 0d"] {
            #expect(s.execute(line).ok)
            #expect(json(lastResult(s), "net") == .number(0))
            #expect(json(lastResult(s), "positions", 1, "pnl") == .number(0))
        }
        #expect(s.execute("shock spx -8% vix 35 in 5d").ok)
        #expect(s.session.state.positions == before.0 && s.session.state.market == before.1)
        #expect(s.session.state.date == before.2 && s.session.log.count == before.3)
        #expect(s.session.cells.last?.changesState == false)
    }

    /// 18 / 0.92³ = 18 / 0.778688 = 23.1158…
    @Test("Without a VIX level, VIX follows the spot–vol setting")
    func spotVol() throws {
        let s = whatIfShell("account 400000", "open condor", "set spotvol -3", "shock spx -8%")
        #expect(abs(number(json(lastResult(s), "vix"))! - 18 / pow(0.92, 3)) < 1e-9)
        let r = s.execute("set spotvol 100")
        #expect(!r.ok && r.error.contains("1:13: error"))
    }

    @Test("A grid has a row per SPX move and a column per VIX level; each cell is the equivalent shock")
    func gridMatchesShock() throws {
        let s = whatIfShell("account 400000", "open condor", "hedge L1", "grid spx -10%..10% step 2% vix 15..45 step 5 in 5d")
        let grid = lastResult(s)
        guard case .array(let rows)? = json(grid, "pnl"), case .array(let moves)? = json(grid, "spx"),
              case .array(let levels)? = json(grid, "vix") else { Issue.record("grid JSON"); return }
        #expect(rows.count == 11 && moves.count == 11 && levels.count == 7)
        #expect(rows.allSatisfy { if case .array(let r) = $0 { r.count == 7 } else { false } })
        #expect(moves[1] == .number(-0.08) && levels[4] == .number(35))
        #expect(s.execute("shock spx -8% vix 35 in 5d").ok)
        #expect(json(grid, "pnl", 1, 4) == json(lastResult(s), "net"))
        #expect(s.execute("grid spx 0% vix 18").ok)
        #expect(json(lastResult(s), "pnl") == .array([.array([.number(0)])]))
    }

    @Test("A sweep over account gives what separate runs give")
    func sweepMatchesRuns() throws {
        let s = whatIfShell("sweep account 50k..200k step 50k layers")
        guard case .array(let rows)? = json(lastResult(s), "rows") else { Issue.record("rows"); return }
        #expect(rows.count == 4)
        for (i, equity) in [50_000, 100_000, 150_000, 200_000].enumerated() {
            let run = whatIfShell("account \(equity)", "layers")
            #expect(json(rows[i], "account") == .number(Double(equity)))
            for (k, layer) in ["L1", "L2", "L3"].enumerated() {
                #expect(json(rows[i], "\(layer).contracts") == json(lastResult(run), "layers", k, "contracts"))
            }
            #expect(json(rows[i], "grossPremium") == json(lastResult(run), "grossPremium"))
        }
        #expect(!s.session.state.account.hasAccount)
    }

    @Test("A sweep's failures name the value and point at the range or the inner command")
    func sweepFailures() {
        let s = whatIfShell("account 400000")
        let bad = s.execute("sweep delta 10..60 step 10 condor")
        #expect(!bad.ok && bad.error.contains("1:13: error: at delta 50"))
        let meta = s.execute("sweep account 50k..60k step 10k undo")
        #expect(!meta.ok && meta.error.contains("1:33: error"))
    }
}
