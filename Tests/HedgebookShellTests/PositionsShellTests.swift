import HedgebookModel
import Testing

@testable import HedgebookShell

/// Runs lines in a fresh shell, each of which must succeed.
func whatIfShell(_ lines: String...) -> Shell {
    let s = Shell()
    for line in lines {
        let r = s.execute(line)
        precondition(r.ok, "setup line failed: \(line): \(r.error)")
    }
    return s
}

/// The value at `path` (keys, or array indexes written as numbers) of a JSON result.
func json(_ v: JSONValue, _ path: Any...) -> JSONValue? {
    var current = v
    for step in path {
        switch (current, step) {
        case (.object(let pairs), let key as String):
            guard let next = pairs.first(where: { $0.0 == key })?.1 else { return nil }
            current = next
        case (.array(let items), let i as Int):
            guard items.indices.contains(i) else { return nil }
            current = items[i]
        default: return nil
        }
    }
    return current
}

func number(_ v: JSONValue?) -> Double? {
    if case .number(let x)? = v { return x }
    return nil
}

/// The last cell's JSON result.
func lastResult(_ s: Shell) -> JSONValue { s.session.cells.last!.result }

@Suite("Positions: open, hedge, close, advance and settlement in the session")
struct PositionsShellTests {
    @Test("open condor sizes at the current step, records the credit, and holds one condor at a time")
    func openCondor() throws {
        let s = whatIfShell("account 400000", "condor")
        let contracts = try #require(number(json(lastResult(s), "contracts")))
        let credit = try #require(number(json(lastResult(s), "credit")))
        #expect(s.execute("open condor").ok)
        let p = try #require(s.session.state.positions.first)
        #expect(p.kind == .condor && Double(p.contracts) == contracts && p.step == 1)
        guard case .credit(let recorded, _)? = s.session.log.last?.kind else { Issue.record("no credit entry"); return }
        #expect(abs(recorded - contracts * credit) < 1e-6)
        let again = s.execute("open condor")
        #expect(!again.ok && again.error.contains("already open"))
        #expect(s.session.state.positions.count == 1)
    }

    @Test("A budget that buys no condor is refused with what would")
    func zeroContracts() {
        let s = whatIfShell("account 100000")
        let r = s.execute("open condor")
        #expect(!r.ok)
        #expect(r.error.contains("cannot buy one contract") && r.error.contains("XSP"))
        #expect(s.session.state.positions.isEmpty && s.session.cells.count == 1)
    }

    @Test("close after a loss books the loss to the cent and moves the progression to step 2")
    func closeAfterLoss() throws {
        let s = whatIfShell("account 400000", "open condor", "spx 5600", "vix 30")
        let pnl = s.session.state.positions[0].mark(
            market: s.session.state.market, on: s.session.state.date, fills: s.session.state.trade).pnl
        #expect(pnl < 0)
        let contracts = s.session.state.positions[0].contracts
        #expect(s.execute("close").ok)
        #expect(s.session.state.positions.isEmpty)
        #expect(s.session.state.account.step == 2)
        guard case .condorClosed(let booked, let result, let fees)? = s.session.log.last?.kind else {
            Issue.record("no condor entry"); return
        }
        #expect(booked == pnl && result == pnl && fees == 4 * Double(contracts))  // 4 legs × $1 to close
        #expect(abs(s.session.state.account.equity - (400_000 + pnl)) < 1e-6)
    }

    @Test("On expiry a condor between its shorts settles for the whole credit: a win that ends the cycle")
    func condorSettles() throws {
        let s = whatIfShell("account 400000", "open condor")
        // The credit as filled, less the opening fees; settlement takes no fee.
        let credit = -s.session.state.positions[0].entryValue - s.session.state.positions[0].openingFees
        #expect(s.execute("advance 44d").ok)
        #expect(s.session.state.positions.count == 1)
        #expect(s.execute("advance 2d").ok)
        #expect(s.session.state.positions.isEmpty)
        #expect(s.session.state.date == SessionState.defaultDate.adding(days: 46))
        let closed = s.session.log.last { if case .condorClosed = $0.kind { true } else { false } }
        guard case .condorClosed(let pnl, let result, let fees)? = closed?.kind else { Issue.record("no close"); return }
        #expect(abs(pnl - credit) < 1e-9 && result == pnl && fees == 0)
        #expect(closed?.date == SessionState.defaultDate.adding(days: 45))
        #expect(s.session.state.account.cycle == 2 && s.session.state.account.step == 1)
    }

    /// At expiry L1 is worth 100 × n × (min(V, K_short) − K_long)⁺; its P&L is that less the premium.
    @Test("On expiry a layer settles at intrinsic value, without fees, and its P&L is realised into equity")
    func layerSettles() throws {
        let s = whatIfShell("account 400000", "hedge L1")
        let p = s.session.state.positions[0]
        let long = p.legs[0].strike, short = p.legs[1].strike
        // 2026-01-02 + 30 days is a Sunday: L1 expires on Friday 2026-01-30.
        #expect(p.expiry == CalendarDate(year: 2026, month: 1, day: 30)!)
        #expect(s.execute("vix 25; advance 30d").ok)
        let intrinsic = 100 * Double(p.contracts) * max(0, min(25, short) - long)
        let sold = s.session.log.first(where: { $0.layer == .l1 && $0.date > p.opened })?.kind
        guard case .hedgeSold(.l1, let proceeds, let n, let fees, let pnl)? = sold else { Issue.record("no sale of L1"); return }
        let expected = intrinsic - p.entryValue - p.openingFees
        #expect(abs(proceeds - intrinsic) < 1e-9 && n == p.contracts && fees == 0)
        #expect(abs(pnl - expected) < 1e-9)
        #expect(abs(number(json(lastResult(s), "settled", 0, "pnl"))! - expected) < 1e-9)
        #expect(abs(s.session.state.account.equity - (400_000 + expected)) < 1e-9)
        #expect(s.session.state.account.step == 1)  // a layer is not a trade of the progression
    }

    /// The issue's check: a condor and a hedge layer open and close; the equity is the account
    /// plus each one's P&L, each with its own fills and fees, to the cent, and `netting net`
    /// feeds the martingale their sum (`netting condor` the condor alone).
    @Test("One account: equity = account + condor P&L + layer P&L; netting net feeds the sum", arguments: ["net", "condor"])
    func oneAccount(netting: String) throws {
        let s = whatIfShell("set netting \(netting)", "account 400000", "open condor", "hedge L1", "vix 25", "spx 5900",
                            "advance 10d")
        let state = s.session.state
        let condor = try #require(state.positions.first { $0.kind == .condor })
        let l1 = try #require(state.positions.first { $0.kind == .hedge(.l1) })
        // Each P&L worked leg by leg: opened at its fills (entry value, opening fees); closed with
        // longs sold at max(0, mid − 0.05), shorts bought at mid + 0.05, $1 a leg a contract.
        func closingPnL(_ p: Position) -> Double {
            var exit = 0.0
            for leg in p.legs {
                let mid = leg.quote(market: state.market, on: state.date).price
                let fill = leg.quantity > 0 ? max(0, mid - 0.05) : mid + 0.05
                exit += Double(leg.quantity) * 100 * fill
            }
            let closingFees = 1.0 * Double(p.legs.count * p.contracts)
            return exit - closingFees - p.entryValue - p.openingFees
        }
        #expect(condor.openingFees == 4 * Double(condor.contracts) && l1.openingFees == 2 * Double(l1.contracts))
        let condorPnL = closingPnL(condor), layerPnL = closingPnL(l1)
        #expect(s.execute("close").ok)  // sells L1 in the same cell (hedgeclose withcondor)
        #expect(s.session.state.positions.isEmpty)
        #expect(abs(s.session.state.account.equity - (400_000 + condorPnL + layerPnL)) < 0.005)
        guard case .condorClosed(let pnl, let result, _)? = s.session.log.last?.kind else { Issue.record("no close"); return }
        #expect(abs(pnl - condorPnL) < 1e-6)
        #expect(abs(result - (netting == "net" ? condorPnL + layerPnL : condorPnL)) < 1e-6)
        let journal = s.execute("journal")
        #expect(journal.ok)
        #expect(abs(number(json(lastResult(s), "equity"))! - (400_000 + condorPnL + layerPnL)) < 0.005)
    }

    @Test("advance reports a stop or time exit that holds, and closes nothing")
    func exitsReported() throws {
        let s = whatIfShell("account 400000", "open condor", "spx 5600", "vix 30")
        let r = s.execute("advance 1d")
        #expect(r.ok && r.text.contains("stop reached: open P&L -$") && r.text.contains("(step 1's stop 90% × credit"))
        #expect(json(lastResult(s), "exit", "reason") == .string("stop"))
        #expect(s.session.state.positions.count == 1)
        let t = whatIfShell("set exitdte 21", "account 400000", "open condor")
        #expect(t.execute("advance 20d").text.contains("exit") == false)
        #expect(t.execute("advance 5d").text.contains("time exit reached: 20 days left ≤ exitdte 21"))
    }

    @Test("Typed results are refused while a condor is open; account while positions are open")
    func refusals() {
        let s = whatIfShell("account 400000", "open condor")
        #expect(!s.execute("win 100").ok && !s.execute("loss 100").ok && !s.execute("account 5000").ok)
        #expect(s.execute("deposit 100").ok)
    }

    @Test("L2's window counts from the real L1 open date, and fires only while L1 loses")
    func l2Window() throws {
        let s = whatIfShell("account 400000", "hedge L1", "advance 7d", "layers")
        let l2 = try #require(json(lastResult(s), "triggers", 1))
        #expect(json(l2, "window") == .array([.string("2026-01-09"), .string("2026-01-16")]))
        let l1 = s.session.state.positions[0].mark(market: s.session.state.market, on: s.session.state.date)
        #expect(l1.pnl < 0)  // VIX unchanged: the spread lost a week of time value.
        #expect(json(l2, "fires") == .bool(true))
        #expect(json(l2, "firstFired") == .string("2026-01-09"))
        #expect(s.execute("advance 8d; layers").ok)
        #expect(json(lastResult(s), "triggers", 1, "fires") == .bool(false))
        #expect(json(lastResult(s), "triggers", 1, "firstFired") == .string("2026-01-09"))
    }

    @Test("The break-even trigger sees the open condor; dates only move forward while it is open")
    func breakEvenAndDates() throws {
        let s = whatIfShell("account 400000", "open condor")
        let lower = try #require(s.session.state.positions[0].breakEvens?.lowerBound)
        #expect(s.execute("spx \(Int(lower) - 10); layers").ok)
        #expect(json(lastResult(s), "triggers", 0, "fires") == .bool(true))
        let r = s.execute("date 2025-12-01")
        #expect(!r.ok && r.error.contains("1:6: error: dates only move forward"))
    }

    @Test("positions: JSON figures per position and a net that adds them; undo takes an open back")
    func positionsReport() throws {
        let s = whatIfShell("account 400000", "open condor", "hedge L1", "advance 3d", "positions")
        let items = try #require(json(lastResult(s), "positions"))
        guard case .array(let list) = items else { Issue.record("positions is not an array"); return }
        #expect(list.count == 2)
        for key in ["name", "contracts", "entry", "mark", "pnl", "delta", "gamma", "vega", "theta"] {
            #expect(json(list[0], key) != nil, "missing \(key)")
        }
        let sum = list.compactMap { number(json($0, "pnl")) }.reduce(0, +)
        #expect(number(json(lastResult(s), "net")) == sum)
        #expect(s.execute("undo; undo").ok)
        #expect(s.session.state.positions.map(\.name) == ["condor"])
    }
}

@Suite("Triggers per condor (METHOD §12 item 17)")
struct TriggersPerCondorTests {
    @Test("A flagged event counts until the open condor closes")
    func eventsEndWithTheCondor() {
        let s = whatIfShell("account 400000", "open condor", "event cpi")
        #expect(s.session.state.events.count == 1)
        #expect(s.execute("close").ok)
        #expect(s.session.state.events.isEmpty && s.session.state.firedTriggers.isEmpty)
    }
}
