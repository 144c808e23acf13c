import HedgebookModel
import Testing

/// `a ≈ b` within `tolerance` absolute.
func sizingClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

@Suite("Martingale: the reducer of METHOD §5")
struct MartingaleTests {
    let defaults = SizingSettings()

    @Test("The sources' example: $1,000 → $1,800 → $1,800 → $2,880")
    func sourcesExample() throws {
        var s = try MartingaleState(account: 100_000, settings: defaults)
        var budgets = [try s.riskBudget(settings: defaults).amount]
        for e in [AccountEvent.loss(900), .win(320), .loss(1_620)] {
            _ = try s.apply(e, settings: defaults)
            budgets.append(try s.riskBudget(settings: defaults).amount)
        }
        #expect(budgets.map { ($0 * 100).rounded() / 100 } == [1_000, 1_800, 1_800, 2_880])
        #expect(s.step == 3)
        #expect(s.cyclePnL == -2_200)
        #expect(try s.riskBudget(settings: defaults).capAmount == 0.1 * s.equity)
    }

    @Test("The transitions read as a trader says them")
    func transitionWords() throws {
        var s = try MartingaleState(account: 100_000, settings: defaults)
        let t1 = try s.apply(.loss(900), settings: defaults)
        #expect(t1.summary == "loss $900.00 at step 1 → step 2")
        let t2 = try s.apply(.win(320), settings: defaults)
        #expect(t2.summary.contains("not recovered (rule recover) → stays at step 2"))
        #expect(t2.summary.contains("-$580.00"))
        let t3 = try s.apply(.win(600), settings: defaults)
        #expect(t3.summary.contains("cycle 1 ended recovered (+$20.00)"))
        #expect(t3.endedCycle == CompletedCycle(number: 1, worstStep: 2, pnl: 20, trades: 3, outcome: .recovered))
        #expect(s.step == 1 && s.cycle == 2)
        #expect(sizingClose(s.cycleBase, 0.01 * 100_020))
    }

    @Test("Rule recover stays after a partial win; rule win resets")
    func resetRules() throws {
        var win = defaults
        win.reset = .win
        for (settings, step, cycle) in [(defaults, 2, 1), (win, 1, 2)] {
            var s = try MartingaleState(account: 100_000, settings: settings)
            _ = try s.apply([.loss(900), .win(320)], settings: settings)
            #expect(s.step == step)
            #expect(s.cycle == cycle)
        }
        var s = try MartingaleState(account: 100_000, settings: win)
        let t = try s.apply([.loss(900), .win(320)], settings: win).last
        #expect(t?.endedCycle?.outcome == .resetByWin)
        #expect(t?.endedCycle?.pnl == -580)
    }

    @Test("A loss at the last step ends the cycle; the next starts at step 1 from the new equity")
    func lastStepLoss() throws {
        var s = try MartingaleState(account: 100_000, settings: defaults)
        _ = try s.apply([.loss(1_000), .loss(1_000), .loss(1_000)], settings: defaults)
        #expect(s.step == 4)
        let t = try s.apply(.loss(1_000), settings: defaults)
        #expect(t.endedCycle == CompletedCycle(number: 1, worstStep: 4, pnl: -4_000, trades: 4, outcome: .exhausted))
        #expect(t.summary.contains("the last step"))
        #expect(s.step == 1 && s.cycle == 2)
        #expect(s.cycleStartEquity == 96_000)
        #expect(sizingClose(try s.riskBudget(settings: defaults).amount, 960))
    }

    @Test("Deposits and withdrawals change equity, not the cycle")
    func flowsLeaveTheCycle() throws {
        var s = try MartingaleState(account: 100_000, settings: defaults)
        _ = try s.apply(.loss(900), settings: defaults)
        let before = (s.step, s.cycle, s.cycleBase, s.cyclePnL)
        _ = try s.apply(.deposit(50_000), settings: defaults)
        _ = try s.apply(.withdraw(20_000), settings: defaults)
        #expect(s.equity == 129_100)
        #expect(s.step == before.0 && s.cycle == before.1 && s.cycleBase == before.2 && s.cyclePnL == before.3)
        #expect(try s.riskBudget(settings: defaults).amount == 1_800)
    }

    @Test("account restarts the cycle and records the open one")
    func accountRestarts() throws {
        var s = try MartingaleState(account: 100_000, settings: defaults)
        _ = try s.apply(.loss(900), settings: defaults)
        let t = try s.apply(.account(50_000), settings: defaults)
        #expect(t.endedCycle?.outcome == .restarted)
        #expect(s.step == 1 && s.cycle == 2 && s.cycleBase == 500 && s.equity == 50_000)
    }

    @Test("Bad amounts are typed errors and leave the state unchanged",
          arguments: [0.0, -5, .nan, .infinity, -.infinity])
    func badAmounts(x: Double) throws {
        var s = try MartingaleState(account: 100_000, settings: defaults)
        _ = try s.apply(.loss(900), settings: defaults)
        let before = s
        for e in [AccountEvent.account(x), .deposit(x), .withdraw(x), .win(x), .loss(x)] {
            #expect(throws: ModelError.self) { _ = try s.apply(e, settings: defaults) }
            #expect(s == before)
        }
    }

    @Test("Equity cannot reach zero; bad settings are refused; nothing before account")
    func refusals() throws {
        var s = try MartingaleState(account: 1_000, settings: defaults)
        let before = s
        #expect(throws: ModelError.self) { _ = try s.apply(.withdraw(1_000), settings: defaults) }
        #expect(throws: ModelError.self) { _ = try s.apply(.loss(1_500), settings: defaults) }
        var bad = defaults
        bad.multipliers = [0.5]
        #expect(throws: ModelError.outOfRange(quantity: "multiplier", value: 0.5, valid: "1 or more")) {
            _ = try s.apply(.win(10), settings: bad)
        }
        #expect(s == before)
        var empty = MartingaleState()
        #expect(throws: ModelError.self) { _ = try empty.apply(.win(10), settings: defaults) }
        #expect(throws: ModelError.self) { _ = try empty.riskBudget(settings: defaults) }
        #expect(empty == MartingaleState())
    }
}
