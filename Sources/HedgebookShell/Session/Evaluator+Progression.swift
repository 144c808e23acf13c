import HedgebookModel

extension Evaluator {
    /// `progression`: every step's budget and size for the current cycle and condor.
    static func progressionReport(_ state: SessionState) throws(CommandFailure) -> Report {
        let current = try budgetOrFail(state)
        let sized = try buildCondor(state)
        let c = sized.condor
        let a = state.account
        var rows: [[String]] = []
        var steps: [JSONValue] = []
        var cumulative = 0.0, cumulativeGap = 0.0
        for (k, (budget, sizing)) in zip(1..., try stepSizings(state, c)) {
            cumulative += sizing.totalRisk
            cumulativeGap += sizing.totalGapRisk
            let marker = k == a.step ? "▶ \(k)" : "  \(k)"
            rows.append([
                marker, Fmt.plain(state.sizing.multiplier(into: k), decimals: 2), Fmt.money(budget.amount),
                String(sizing.budgetContracts), String(sizing.contracts) + (sizing.capBinds ? " cap" : ""),
                Fmt.money(sizing.totalRisk), Fmt.money(sizing.totalGapRisk), Fmt.money(cumulative), Fmt.money(cumulativeGap),
            ])
            steps.append(.object([
                ("step", .int(k)), ("multiplier", .num(state.sizing.multiplier(into: k))),
                ("riskBudget", .num(budget.amount)), ("budgetContracts", .int(sizing.budgetContracts)),
                ("capBinds", .bool(sizing.capBinds)),
                ("contracts", .int(sizing.contracts)), ("risk", .num(sizing.totalRisk)), ("gapRisk", .num(sizing.totalGapRisk)),
                ("cumulativeRisk", .num(cumulative)), ("cumulativeGapRisk", .num(cumulativeGap)),
            ]))
        }
        var text = "cycle \(a.cycle) · base \(Fmt.money(a.cycleBase)) (\(Fmt.percent(state.sizing.base)) of"
            + " \(Fmt.money(a.cycleStartEquity))) · reset \(state.sizing.reset.rawValue)"
            + " · condor credit \(Fmt.money(c.credit)), max loss \(Fmt.money(c.maxLoss))"
            + " · cap at risk \(Fmt.money(current.capAmount)) (\(Fmt.percent(state.sizing.cap)) × equity)\n"
        text += Table(
            header: ["step", "× mult", "risk budget", "buys", "contracts", "at stop", "at max loss", "all stopped", "all gapped"],
            rows: rows,
            alignment: [.left, .right, .right, .right, .right, .right, .right, .right, .right]
        ).render()
        text += "\nworst case, every step lost: \(Fmt.money(cumulative)) at the stops, \(Fmt.money(cumulativeGap)) at max loss"
            + " (a gap through every stop)"
        text += "\n" + accountLine(state)
        var result = accountJSON(state)
        result.append(("steps", .array(steps)))
        result.append(("worstAtStops", .num(cumulative)))
        result.append(("worstAtMaxLoss", .num(cumulativeGap)))
        return Report(text: text, result: result, explanations: [current.explanation, current.capExplanation])
    }

    /// Every step's budget and size for the current cycle and `condor` (METHOD §5).
    static func stepSizings(_ state: SessionState, _ c: IronCondor) throws(CommandFailure) -> [(RiskBudget, SizingResult)] {
        let a = state.account
        do throws(ModelError) {
            return try (1...state.sizing.steps).map { k throws(ModelError) in
                let budget = try RiskBudget(step: k, base: a.cycleBase, equity: a.equity, settings: state.sizing)
                return (budget, try SizingResult(budget: budget, credit: c.credit, maxLoss: c.maxLoss, settings: state.sizing))
            }
        } catch {
            throw .command(error.message)
        }
    }

    /// `risk [winrate P%]`: the honest arithmetic of the progression against flat sizing.
    static func riskReport(_ state: SessionState, winRate given: Double?) throws(CommandFailure) -> Report {
        guard let winRate = given else { return try observedRiskReport(state) }
        _ = try budgetOrFail(state)
        let c = try buildCondor(state).condor
        let p = winRate
        var risk: ProgressionRisk
        var fractional: [Double]? = nil
        var scale = 1.0
        do throws(ModelError) {
            let losses = ProgressionRisk.lossPerContract(credit: c.credit, maxLoss: c.maxLoss, settings: state.sizing)
            var contracts = try ProgressionRisk.contractsPerStep(
                equity: state.account.equity, credit: c.credit, maxLoss: c.maxLoss, settings: state.sizing)
            if contracts.contains(0) {
                // METHOD §5: per dollar of budget, fractional contracts
                // c_k = min(budget_k ÷ risk per contract, cap × equity ÷ max loss).
                let equity = state.account.equity
                var exact: [Double] = []
                for k in 1...state.sizing.steps {
                    let b = try RiskBudget(step: k, base: state.sizing.base * equity, equity: equity, settings: state.sizing)
                    exact.append(min(b.amount / losses[k - 1], state.sizing.cap * equity / c.maxLoss))
                }
                fractional = exact
                // The recover chain counts whole winning contracts: play it at contracts × λ (the
                // smallest ≈ 2,000, rounded: under 0.03 % off) and scale the dollars back by 1/λ.
                scale = 2000 / (exact.min() ?? 1)
                contracts = exact.map { max(1, Int(($0 * scale).rounded())) }
            }
            risk = try ProgressionRisk(
                settings: state.sizing, winRate: p, winPerContract: c.credit, lossPerContract: losses,
                contracts: contracts)
            if scale != 1 {
                risk.worstCycleLoss /= scale
                risk.expectedCyclePnL /= scale
                risk.expectedTradePnL /= scale
                risk.flatExpectedTradePnL /= scale
                risk.flatWorstLoss /= scale
                risk.explanations = []
            }
        } catch {
            throw CommandFailure(error.message, argument: 1)
        }
        let source = "given"
        let worstGap = risk.contracts.reduce(0) { $0 + Double($1) * c.maxLoss } / scale
        let flatWorstGap = Double(risk.steps * risk.contracts[0]) * c.maxLoss / scale
        let rows: [[String]] = [
            ["P(a cycle fails)", Fmt.percent(risk.pCycleFails, decimals: 3), Fmt.percent(1 - p, decimals: 3)],
            ["worst loss at the stops", Fmt.money(risk.worstCycleLoss), Fmt.money(risk.flatWorstLoss)],
            ["worst loss at max loss", Fmt.money(worstGap), Fmt.money(flatWorstGap)],
            ["expected P&L per trade", Fmt.pnl(risk.expectedTradePnL), Fmt.pnl(risk.flatExpectedTradePnL)],
            ["edge per $ risked", Fmt.percent(risk.edge), Fmt.percent(risk.flatEdge)],
            ["break-even win rate", Fmt.percent(risk.breakEvenWinRate), Fmt.percent(risk.flatBreakEvenWinRate)],
        ]
        var text = "win rate \(Fmt.percent(p)) (\(source)) · \(state.sizing.steps) steps · reset \(state.sizing.reset.rawValue)"
            + " · win \(Fmt.money(c.credit))/contract\n"
        text += Table(header: ["", "progression", "flat"], rows: rows).render()
        text += "\nexpected P&L per cycle \(Fmt.pnl(risk.expectedCyclePnL)) over"
            + " \(Fmt.plain(risk.expectedTradesPerCycle, decimals: 2)) trades;"
            + " P(all \(state.sizing.steps) steps lose) = q^K = \(Fmt.percent(risk.pAllStepsLose, decimals: 4))"
        text += "\nthe progression changes the tail (worst loss), not the edge: the break-even win rate moves"
            + " only as far as the stops differ by step"
        if let fractional {
            text += "\nthe budget cannot buy one whole contract at every step, so this is per dollar of budget:"
                + " fractional contracts " + fractional.map { Fmt.plain($0, decimals: 3) }.joined(separator: " / ")
                + " (budget ÷ risk per contract); the engine trades whole contracts (`set underlying xsp` or a narrower `set width`)"
        }
        var json: [(String, JSONValue)] = [
            ("winRate", .num(p)), ("winRateFrom", .string("given")), ("pCycleFails", .num(risk.pCycleFails)), ("pAllStepsLose", .num(risk.pAllStepsLose)),
            ("worstCycleLoss", .num(risk.worstCycleLoss)), ("evPerCycle", .num(risk.expectedCyclePnL)),
            ("evPerTrade", .num(risk.expectedTradePnL)), ("breakEvenWinRate", .num(risk.breakEvenWinRate)),
            ("flatEvPerTrade", .num(risk.flatExpectedTradePnL)), ("flatBreakEvenWinRate", .num(risk.flatBreakEvenWinRate)),
            ("flatWorstLoss", .num(risk.flatWorstLoss)), ("worstCycleGapLoss", .num(worstGap)),
            ("flatWorstGapLoss", .num(flatWorstGap)),
        ]
        if let fractional { json.append(("fractionalContracts", .array(fractional.map { .num($0) }))) }
        return Report(
            text: text,
            result: json,
            explanations: risk.explanations)
    }
}
