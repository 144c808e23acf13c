import HedgebookModel
import PropertyBased
import Testing

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Laws of sizing, the martingale and the progression's arithmetic over random inputs.
@Suite("Sizing: properties")
struct SizingPropertyTests {
    static let equities = Gen.double(in: 1_000...10_000_000)
    static let fractions = Gen.double(in: 0.001...0.5)

    static func settings(base: Double, cap: Double, steps: Int, multiplier: Double, stop: Double?) -> SizingSettings {
        var s = SizingSettings()
        s.base = base
        s.cap = cap
        s.steps = steps
        s.multipliers = [multiplier]
        s.stops = stop.map { [$0] }
        return s
    }

    @Test("Contracts × max loss never exceed cap × equity; contracts × risk never exceed the budget")
    func budgetLaws() async {
        await propertyCheck(
            count: 300, input: Self.equities, Self.fractions, Self.fractions, Gen.int(in: 1...12),
            Gen.double(in: 1...4), Gen.double(in: 0.05...3).optional(), Gen.double(in: 0.01...5_000),
            Gen.double(in: 0.01...10_000)
        ) { equity, base, cap, steps, m, stop, credit, maxLoss in
            let s = Self.settings(base: base, cap: cap, steps: steps, multiplier: m, stop: stop)
            for step in 1...steps {
                let b = try RiskBudget(step: step, base: base * equity, equity: equity, settings: s)
                #expect(b.amount == b.uncapped)
                let r = try SizingResult(budget: b, credit: credit, maxLoss: maxLoss, settings: s)
                #expect(Double(r.contracts) * r.riskPerContract <= b.amount * (1 + 1e-9))
                #expect(Double(r.contracts) * maxLoss <= cap * equity * (1 + 1e-9))
                #expect(r.contracts == min(r.budgetContracts, r.capContracts))
                #expect(r.capBinds == (r.capContracts < r.budgetContracts))
                #expect(Double(r.budgetContracts + 1) * r.riskPerContract > b.amount)
                #expect(Double(r.capContracts + 1) * maxLoss > cap * equity)
                #expect(r.riskPerContract <= maxLoss)
                #expect(r.totalGapRisk.isFinite && r.totalRisk.isFinite)
            }
        }
    }

    @Test("On every step of a random progression, contracts × max loss ≤ cap × equity")
    func capOnEveryStep() async {
        await propertyCheck(
            count: 200, input: Gen.bool.array(of: 1...40), Gen.double(in: 0.001...0.2), Gen.double(in: 0.02...0.3),
            Gen.int(in: 1...8), Gen.double(in: 1...3), Gen.double(in: 20...3_000), Gen.double(in: 100...10_000)
        ) { outcomes, base, cap, steps, m, credit, maxLoss in
            let s = Self.settings(base: base, cap: cap, steps: steps, multiplier: m, stop: 0.9)
            var state = try MartingaleState(account: 100_000, settings: s)
            for won in outcomes {
                let r = try state.size(credit: credit, maxLoss: maxLoss, settings: s)
                #expect(Double(r.contracts) * maxLoss <= cap * state.equity * (1 + 1e-9))
                guard r.contracts > 0 else { break }
                let pnl = won ? Double(r.contracts) * credit : -r.totalRisk
                guard state.equity + pnl > 0 else { break }
                _ = state.record(result: pnl, equityChange: pnl, settings: s)
            }
        }
    }

    @Test("The martingale's step stays in 1…steps; refused events change nothing")
    func stepInRange() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 0...4).array(of: 1...60), Gen.double(in: -100...30_000).array(of: 60),
            Gen.int(in: 1...6), Gen<ResetRule>.case
        ) { kinds, amounts, steps, rule in
            var s = SizingSettings()
            s.steps = steps
            s.reset = rule
            var state = try MartingaleState(account: 50_000, settings: s)
            for (i, kind) in kinds.enumerated() {
                let x = amounts[i]
                let event: AccountEvent = [.account(x), .deposit(x), .withdraw(x), .win(x), .loss(x)][kind]
                let before = state
                do {
                    _ = try state.apply(event, settings: s)
                } catch {
                    #expect(state == before)
                }
                #expect((1...steps).contains(state.step))
                #expect(state.equity > 0 && state.equity.isFinite)
                let b = try state.riskBudget(settings: s)
                #expect(b.capAmount == s.cap * state.equity && b.amount.isFinite)
            }
        }
    }

    @Test("Rule win: P(cycle fails) = q^K and the break-even is the flat one")
    func ruleWinLaws() async {
        await propertyCheck(
            count: 200, input: Gen.double(in: 0.05...0.95), Gen.int(in: 1...12), Gen.double(in: 1...1_000),
            Gen.double(in: 1...5_000), Gen.int(in: 1...50).array(of: 1...12)
        ) { p, k, w, l, contracts in
            var s = SizingSettings()
            s.steps = k
            s.reset = .win
            let r = try ProgressionRisk(settings: s, winRate: p, winPerContract: w, lossPerContract: [l], contracts: contracts)
            #expect(abs(r.pCycleFails - pow(1 - p, Double(k))) <= 1e-15)
            #expect(abs(r.breakEvenWinRate - l / (w + l)) <= 1e-9)
            #expect(abs(r.edge - r.flatEdge) <= 1e-9 * max(1, abs(r.flatEdge)))
        }
    }

    @Test("Rule recover: P(fail) ≥ q^K, probabilities in [0, 1], every figure finite")
    func ruleRecoverLaws() async {
        await propertyCheck(
            count: 100, input: Gen.double(in: 0.05...0.95), Gen.int(in: 1...6), Gen.double(in: 20...1_000),
            Gen.double(in: 20...1_000), Gen.int(in: 1...20).array(of: 1...6)
        ) { p, k, w, l, contracts in
            var s = SizingSettings()
            s.steps = k
            let r = try ProgressionRisk(settings: s, winRate: p, winPerContract: w, lossPerContract: [l], contracts: contracts)
            #expect(r.pCycleFails >= r.pAllStepsLose * (1 - 1e-12))
            #expect(r.pCycleFails <= 1)
            let figures = [r.pCycleFails, r.expectedCyclePnL, r.expectedTradePnL, r.expectedTradesPerCycle,
                           r.edge, r.breakEvenWinRate, r.worstCycleLoss] + r.explanations.map(\.value)
            let finite = figures.allSatisfy { $0.isFinite }
            #expect(finite)
        }
    }
}

/// Laws of the hedge plan over random markets and accounts.
@Suite("Hedge: properties")
struct HedgePropertyTests {
    @Test("Every layer respects its limits and the gross cap; every number is finite")
    func planLaws() async {
        await propertyCheck(
            count: 150, input: Gen.double(in: 9...80), Gen.double(in: 40...200), Gen.double(in: 10_000...20_000_000),
            Gen.int(in: 1...4), Gen.double(in: 0.001...0.2)
        ) { vix, vvix, equity, step, gross in
            var m = Market()
            m.vix = vix
            m.vvix = vvix
            var h = HedgeSettings()
            h.grossCap = gross
            let plan = try HedgePlan(market: m, equity: equity, step: step, sizing: SizingSettings(), hedge: h)
            #expect(plan.totalPremium <= plan.grossCapAmount * (1 + 1e-12))
            for l in plan.layers {
                #expect(l.contracts <= min(l.scaleLimit, l.budgetLimit, l.capLimit))
                #expect(l.premium <= h.budgets[l.kind.rawValue] * equity * (1 + 1e-12))
                #expect(l.costPerContract.isFinite && l.costPerContract > 0 && l.premium.isFinite)
                #expect(l.longStrike >= l.future * (l.kind == .l3 ? 1.25 : 1.10) - 1e-9)
            }
        }
    }
}
