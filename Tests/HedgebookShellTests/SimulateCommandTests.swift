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
        #expect(s.execute("simulate 5 trades paths 10").ok)
        #expect(s.session.cells.last?.input == "simulate 5 trades paths 10")
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
        let r = s.execute("simulate 100000 cycles paths 8")
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

    @Test("A budget that cannot buy one contract is refused with what would")
    func zeroContracts() {
        let s = Shell()
        #expect(s.execute("account 100000").ok)
        let r = s.execute("simulate 10 cycles")
        #expect(!r.ok && r.error.contains("cannot buy one contract") && r.error.contains("xsp"))
    }
}
