extension ProgressionRisk {
    /// One tree per figure, progression first, then flat sizing.
    func explain() -> [Explanation] {
        let p: Explanation = .input("win rate p", winRate, .probability)
        let q = Explanation("q", 1 - winRate, .probability, rule: "1 − p", inputs: [p])
        let kX: Explanation = .input("steps K", Double(steps), .count, source: "setting")
        let w: Explanation = .input("win per contract W", winPerContract, .dollars)
        let stepsX = (0..<steps).map { i in
            Explanation("step \(i + 1) risk", Double(contracts[i]) * lossPerContract[i], .dollars, rule: "c × L",
                        inputs: [.input("contracts c", Double(contracts[i]), .contracts), .input("loss per contract L", lossPerContract[i], .dollars)])
        }
        let recover = rule == .recover
        return [
            Explanation("P(K losses in a row)", pAllStepsLose, .probability, rule: "q^K", inputs: [q, kX]),
            Explanation(
                "P(cycle fails)", pCycleFails, .probability,
                rule: recover ? "absorbing chain over (step, cycle P&L), rule recover" : "q^K, rule win",
                inputs: [q, kX],
                note: recover ? "a win that does not recover the cycle keeps the step, so failure is likelier than q^K" : nil),
            Explanation("worst cycle loss", worstCycleLoss, .dollars, rule: "Σ c_k × L_k (a loss at every step)", inputs: stepsX),
            Explanation("expected trades per cycle", expectedTradesPerCycle, .ratio, rule: recover ? "Σ expected visits of every state" : "Σ q^{k−1}", inputs: [q, kX]),
            Explanation("expected cycle P&L", expectedCyclePnL, .dollars, rule: "Σ visits × c_k (pW − qL_k)", inputs: [p, w] + stepsX),
            Explanation("expected P&L per trade", expectedTradePnL, .dollars, rule: "expected cycle P&L / expected trades"),
            Explanation("edge with the progression", edge, .ratio, rule: "expected P&L / expected dollars at risk",
                        note: Set(lossPerContract).count == 1
                            ? "the same as the flat edge: the progression changes the tail, not the edge"
                            : "differs from the flat edge only because the loss per contract (the stop) differs by step"),
            Explanation("break-even win rate with the progression", breakEvenWinRate, .probability,
                        rule: "p where the expected cycle P&L is zero (bisection)", inputs: [w] + stepsX),
            Explanation("flat expected P&L per trade", flatExpectedTradePnL, .dollars, rule: "c_1 (pW − qL_1)", inputs: [p, w, stepsX[0]]),
            Explanation("flat edge", flatEdge, .ratio, rule: "(pW − qL_1) / L_1", inputs: [p, w, stepsX[0]]),
            Explanation("flat break-even win rate", flatBreakEvenWinRate, .probability, rule: "L_1 / (W + L_1)", inputs: [w, stepsX[0]]),
            Explanation("flat worst loss over K trades", flatWorstLoss, .dollars, rule: "K × c_1 × L_1", inputs: [kX, stepsX[0]],
                        note: "the progression's worst cycle is \(SizingText.dollars(worstCycleLoss))"),
        ]
    }
}
