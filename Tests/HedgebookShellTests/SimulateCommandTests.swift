import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

/// A shell with an XSP account (SPX is too big for $100,000 with the default stops).
private func xspShell() -> Shell {
    let s = Shell()
    for line in ["account 100000", "set underlying xsp"] { precondition(s.execute(line).ok, line) }
    return s
}

@Suite("simulate: the Monte Carlo as a command")
struct SimulateCommandTests {
    @Test("Options in any order; the same command prints the same numbers; JSON carries the figures")
    func deterministicAndOrderFree() {
        let s = xspShell()
        let a = s.execute("simulate 20 cycles paths 50 seed 9 winrate 70%")
        let b = s.execute("simulate 20 cycles winrate 70% seed 9 paths 50")
        #expect(a.ok && b.ok, "\(a.error)")
        #expect(a.text == b.text)
        #expect(a.json[0].contains("\"pCycleFails\":") && a.json[0].contains("\"evPerCycle\":"))
        #expect(a.text.contains("50 paths × 20 cycles") && a.text.contains("seed 9"))
        let c = s.execute("simulate 20 cycles winrate 70% seed 10 paths 50")
        #expect(c.text != a.text)
    }

    @Test("It is a query: recorded as a cell, the state unchanged, and replayed by save/load")
    func queryCell() {
        let s = xspShell()
        let before = s.session.state.account
        #expect(s.execute("simulate 5 trades winrate 60% paths 10").ok)
        #expect(s.session.cells.last?.input == "simulate 5 trades winrate 60% paths 10")
        #expect(s.session.cells.last?.changesState == false)
        #expect(s.session.state.account == before)
    }

    @Test("A stop request records nothing and says how far it got")
    func cancelled() {
        let s = xspShell()
        let cells = s.session.cells.count
        var seen: [Double] = []
        s.progress = { seen.append($0) }
        s.cancelRequested = { true }
        let r = s.execute("simulate 100000 cycles winrate 60% paths 8")
        #expect(!r.ok && r.error.contains("simulation stopped at") && r.error.contains("the session is unchanged"))
        #expect(s.session.cells.count == cells && !seen.isEmpty)
    }

    @Test("Bad input gets a located error and changes nothing", arguments: [
        ("simulate 10 cycles sead 3", "seed"),
        ("simulate 10 laps", "cycles"),
        ("simulate 10 cycles winrate 70", "%"),
        ("simulate 10 cycles seed 1 seed 2", "option of simulate"),
    ])
    func badInput(line: String, mention: String) {
        let s = xspShell()
        let cells = s.session.cells.count
        let r = s.execute(line)
        #expect(!r.ok && r.error.contains(mention), "\(r.error)")
        #expect(s.session.cells.count == cells)
    }

    @Test("A budget that cannot buy one contract is played per dollar of budget, and says so")
    func fractionalContracts() {
        let s = Shell()
        #expect(s.execute("account 100000").ok)
        let r = s.execute("simulate 10 cycles winrate 60% paths 50")
        #expect(r.ok, "\(r.error)")
        #expect(r.text.contains("per dollar of budget") && r.json[0].contains("\"fractional\":true"))
    }

    /// Rule `win`, stops none: P(fail) = q^K and E[cycle] = Σ q^(k−1) c_k (pW − qL) with fractional
    /// c_k = budget_k ÷ L, so c_k·L = budget_k: E = Σ q^(k−1) budget_k (pW/L − q), budgets 1,000,
    /// 1,800, 2,880, 4,608 (base 1 % of $100,000; × 1.8, 1.6, 1.6). Worst loss = Σ budgets = 10,288.
    @Test("risk with a budget too small for one contract: per dollar of budget, by hand")
    func riskPerDollar() throws {
        let s = Shell()
        for line in ["account 100000", "set stops none", "set reset win"] { #expect(s.execute(line).ok) }
        // The condor as filled (METHOD §4, §9): its credit and max loss are what risk uses.
        let sized = s.execute("condor")
        let condorObject = try #require(try JSONSerialization.jsonObject(with: Data(sized.json[0].utf8)) as? [String: Any])
        let condor = try #require(condorObject["result"] as? [String: Any])
        let credit = try #require(condor["credit"] as? Double), maxLoss = try #require(condor["maxLoss"] as? Double)
        #expect(abs(credit + maxLoss - 5000) < 1e-6)
        let r = s.execute("risk winrate 60%")
        #expect(r.ok && r.text.contains("per dollar of budget"), "\(r.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.json[0].utf8)) as? [String: Any])
        let result = try #require(object["result"] as? [String: Any])
        let p = 0.6, q = 0.4, ratio = credit / maxLoss
        let budgets = [1000.0, 1800, 2880, 4608]
        var expected = 0.0
        for (k, b) in budgets.enumerated() { expected += pow(q, Double(k)) * b * (p * ratio - q) }
        #expect(abs((result["evPerCycle"] as! Double) - expected) < 1e-3 * abs(expected))
        #expect(abs((result["worstCycleLoss"] as! Double) - 10288) < 10288 * 1e-3)
        #expect(abs((result["pCycleFails"] as! Double) - pow(q, 4)) < 1e-12)
    }

    @Test("The pure progression needs its win rate: the condor's P(profit) is not one")
    func winRateRequired() {
        let s = xspShell()
        let r = s.execute("simulate 10 cycles")
        #expect(!r.ok && r.error.contains("needs a win rate") && r.error.contains("simulate 10 years"), "\(r.error)")
    }

    @Test("simulate N years: the engine on simulated paths, deterministic, a query, with the comparisons")
    func years() {
        let s = xspShell()
        let before = s.session.state.account
        let a = s.execute("simulate 2 years paths 12 seed 5")
        let b = s.execute("simulate 2 years seed 5 paths 12")
        #expect(a.ok && b.ok, "\(a.error)")
        #expect(a.text == b.text)
        #expect(a.text.contains("12 paths × 2 years") && a.text.contains("SPX held") && a.text.contains("no hedges"))
        #expect(a.json[0].contains("\"percentiles\":") && a.json[0].contains("\"compare\":"))
        #expect(s.session.state.account == before && s.session.cells.last?.changesState == false)
        #expect(s.execute("simulate 2 years paths 12 seed 6").text != a.text)
    }

    @Test("simulate N years refuses a win rate, a win or a loss: the engine plays each condor's life")
    func yearsRefuseGivenOdds() {
        let s = xspShell()
        let r = s.execute("simulate 2 years winrate 60%")
        #expect(!r.ok && r.error.contains("does not apply"), "\(r.error)")
    }

    @Test("A stopped simulate N years records nothing")
    func yearsCancelled() {
        let s = xspShell()
        let cells = s.session.cells.count
        s.cancelRequested = { true }
        let r = s.execute("simulate 5 years paths 50")
        #expect(!r.ok && r.error.contains("simulation stopped after") && r.error.contains("the session is unchanged"), "\(r.error)")
        #expect(s.session.cells.count == cells)
    }

    @Test("risk without a win rate says where it came from; with one, that it was given")
    func riskSources() {
        let s = xspShell()
        let given = s.execute("risk winrate 60%")
        #expect(given.ok && given.json[0].contains("\"winRateFrom\":\"given\""))
        #expect(s.execute("set steps 1").ok)
        let observed = s.execute("risk")
        #expect(observed.ok, "\(observed.error)")
        #expect(observed.json[0].contains("\"winRateFrom\":\"simulated\"") && observed.text.contains("simulated"))
        // Both worst cases of the plan, as `progression` gives them: at the stops and at max loss.
        func number(_ json: String, _ key: String) -> Double? {
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return (object?["result"] as? [String: Any])?[key] as? Double
        }
        let plan = s.execute("progression")
        let stops = number(observed.json[0], "worstAtStops"), gaps = number(observed.json[0], "worstAtMaxLoss")
        #expect(stops != nil && stops == number(plan.json[0], "worstAtStops"))
        #expect(gaps != nil && gaps == number(plan.json[0], "worstAtMaxLoss"))
        #expect((gaps ?? 0) > (stops ?? 0))
    }
}
