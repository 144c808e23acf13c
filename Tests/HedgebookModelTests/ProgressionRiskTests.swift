import HedgebookModel
import Testing

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

@Suite("ProgressionRisk: the honest arithmetic of a martingale")
struct ProgressionRiskTests {
    func settings(_ rule: ResetRule, steps: Int = 4) -> SizingSettings {
        var s = SizingSettings()
        s.reset = rule
        s.steps = steps
        return s
    }

    @Test("Rule win, closed form worked by hand")
    func ruleWin() throws {
        let r = try ProgressionRisk(
            settings: settings(.win), winRate: 0.8, winPerContract: 100, lossPerContract: [200], contracts: [1, 2, 3, 5])
        #expect(sizingClose(r.pAllStepsLose, 0.0016, 1e-15) && r.pCycleFails == r.pAllStepsLose)
        #expect(r.worstCycleLoss == 2_200)
        #expect(sizingClose(r.expectedTradesPerCycle, 1.248, 1e-12))
        #expect(sizingClose(r.expectedCyclePnL, 62.4, 1e-9))
        #expect(sizingClose(r.expectedTradePnL, 62.4 / 1.248, 1e-9))
        #expect(sizingClose(r.breakEvenWinRate, 2.0 / 3, 1e-9))
        #expect(sizingClose(r.flatBreakEvenWinRate, 2.0 / 3, 1e-15))
        #expect(sizingClose(r.edge, 0.2, 1e-12) && sizingClose(r.flatEdge, 0.2, 1e-12))
        #expect(r.flatWorstLoss == 800 && sizingClose(r.flatExpectedTradePnL, 40))
        #expect(r.explanations.count == 12)
    }

    /// Every path of one cycle, walked with the real reducer: the tree is finite under rule
    /// `recover` because each win moves the cycle toward recovery.
    func walk(_ s: MartingaleState, _ prob: Double, p: Double, w: Double, l: [Double], c: [Int],
              sizing: SizingSettings, into acc: inout (fail: Double, trades: Double, pnl: Double)) throws {
        let k = s.step, n = Double(c[k - 1])
        for (event, pr) in [(AccountEvent.win(n * w), p), (.loss(n * l[k - 1]), 1 - p)] {
            var next = s
            let t = try next.apply(event, settings: sizing)
            acc.trades += prob * pr
            if let ended = t.endedCycle {
                acc.pnl += prob * pr * ended.pnl
                if ended.outcome == .exhausted { acc.fail += prob * pr }
            } else {
                try walk(next, prob * pr, p: p, w: w, l: l, c: c, sizing: sizing, into: &acc)
            }
        }
    }

    @Test("Rule recover: the exact chain equals walking every path with the reducer", arguments: [0.55, 0.7, 0.9])
    func ruleRecover(p: Double) throws {
        let sizing = settings(.recover)
        let l = [150.0, 150, 120, 120], c = [1, 2, 3, 4], w = 60.0
        let r = try ProgressionRisk(settings: sizing, winRate: p, winPerContract: w, lossPerContract: l, contracts: c)
        var acc = (fail: 0.0, trades: 0.0, pnl: 0.0)
        try walk(MartingaleState(account: 10_000_000, settings: sizing), 1, p: p, w: w, l: l, c: c, sizing: sizing, into: &acc)
        #expect(sizingClose(r.pCycleFails, acc.fail, 1e-12))
        #expect(sizingClose(r.expectedTradesPerCycle, acc.trades, 1e-10))
        #expect(sizingClose(r.expectedCyclePnL, acc.pnl, 1e-8))
        #expect(r.pCycleFails > r.pAllStepsLose)
        #expect(r.worstCycleLoss == 150 + 300 + 360 + 480)
    }

    @Test("The default stops make later steps risk less per contract, so the break-evens differ")
    func defaultStops() throws {
        let losses = ProgressionRisk.lossPerContract(credit: 400, maxLoss: 4_600, settings: SizingSettings())
        #expect(losses == [360, 360, 260, 260])
        let r = try ProgressionRisk(
            settings: settings(.win), winRate: 0.84, winPerContract: 200, lossPerContract: losses, contracts: [2, 4, 6, 10])
        #expect(sizingClose(r.flatBreakEvenWinRate, 360.0 / 560, 1e-15))
        #expect(r.breakEvenWinRate < r.flatBreakEvenWinRate)
    }

    @Test("contracts per step follow the budgets")
    func contractsPerStep() throws {
        let c = try ProgressionRisk.contractsPerStep(equity: 100_000, credit: 400, maxLoss: 4_600, settings: SizingSettings())
        // Budgets buy 1000/360, 1800/360, 2880/260, 4608/260 = 2, 5, 11, 17; the cap holds 10,000/4,600 = 2.
        #expect(c == [2, 2, 2, 2])
        var wide = SizingSettings()
        wide.cap = 1
        // The cap at 100 % holds 100,000/4,600 = 21 max losses: the budgets bind.
        #expect(try ProgressionRisk.contractsPerStep(equity: 100_000, credit: 400, maxLoss: 4_600, settings: wide) == [2, 5, 11, 17])
    }

    @Test("Bad inputs are typed errors", arguments: [0.0, 1, -0.1, .nan, .infinity])
    func bad(p: Double) {
        #expect(throws: ModelError.self) {
            _ = try ProgressionRisk(settings: SizingSettings(), winRate: p, winPerContract: 100, lossPerContract: [100], contracts: [1])
        }
        #expect(throws: ModelError.self) {
            _ = try ProgressionRisk(settings: SizingSettings(), winRate: 0.5, winPerContract: 100, lossPerContract: [100], contracts: [0])
        }
        #expect(throws: ModelError.self) {
            _ = try ProgressionRisk(settings: SizingSettings(), winRate: 0.5, winPerContract: p == 1 ? -1 : p, lossPerContract: [100], contracts: [1])
        }
    }

    @Test("A win too small for the chain is refused, not approximated")
    func tooManyStates() {
        #expect(throws: ModelError.self) {
            _ = try ProgressionRisk(settings: settings(.recover), winRate: 0.5, winPerContract: 0.001, lossPerContract: [1_000], contracts: [10])
        }
    }
}
