extension JournalReport {
    /// The trees behind the headline figures; an undefined figure is a 0 with a note saying why.
    func explain(settings: SizingSettings) -> [Explanation] {
        var out: [Explanation] = []
        out.append(Explanation(
            "equity", equity, .dollars, rule: "account + deposits − withdrawals + wins − losses",
            inputs: [.input("entries on the curve", Double(equityCurve.count), .count)]))
        let tradesX: [Explanation] = [.input("wins", Double(wins), .count), .input("losses", Double(losses), .count)]
        out.append(Explanation(
            "win rate", winRate ?? .nan, .probability, rule: "wins / (wins + losses)", inputs: tradesX,
            note: winRate == nil ? "undefined: no trades yet" : nil))
        out.append(Explanation(
            "average win", averageWin ?? .nan, .dollars, rule: "sum of wins / wins", inputs: [tradesX[0]],
            note: averageWin == nil ? "undefined: no wins yet" : nil))
        out.append(Explanation(
            "average loss", averageLoss ?? .nan, .dollars, rule: "sum of losses / losses", inputs: [tradesX[1]],
            note: averageLoss == nil ? "undefined: no losses yet" : nil))
        out.append(Explanation(
            "break-even win rate", breakEvenWinRate ?? .nan, .probability, rule: "avg loss / (avg win + avg loss)",
            inputs: [out[2], out[3]],
            note: breakEvenWinRate.map { b in
                guard let w = winRate else { return "" }
                return w >= b ? "the win rate is at or above break-even" : "the win rate is below break-even"
            } ?? "undefined: needs both a win and a loss"))
        let peak = maxDrawdown.peakDate.map { " from \($0)" } ?? ""
        let trough = maxDrawdown.troughDate.map { " to \($0)" } ?? ""
        out.append(Explanation(
            "maximum drawdown", maxDrawdown.dollars, .dollars,
            rule: "largest fall of the marked equity from a running peak, net of deposits and withdrawals",
            inputs: [.input("as a fraction of the peak", maxDrawdown.fraction, .percent, source: "dollars / peak")],
            note: maxDrawdown.dollars > 0 ? "peak\(peak)\(trough)" : "the curve never fell"))
        let pctPeak = maxDrawdownPct.peakDate.map { " from \($0)" } ?? ""
        let pctTrough = maxDrawdownPct.troughDate.map { " to \($0)" } ?? ""
        out.append(Explanation(
            "maximum drawdown in percent", maxDrawdownPct.fraction, .percent,
            rule: "largest fall as a fraction of its running peak, found apart from the dollar one",
            inputs: [.input("in dollars", maxDrawdownPct.dollars, .dollars, source: "peak − trough")],
            note: maxDrawdownPct.dollars > 0 ? "peak\(pctPeak)\(pctTrough)" : "the curve never fell"))
        out.append(Explanation(
            "cycles completed", Double(completedCycles.count), .count, rule: "cycles ended by recovery, a win, the last step or account",
            inputs: completedCycles.map {
                Explanation("cycle \($0.number)", $0.pnl, .dollars, rule: $0.outcome.words,
                            inputs: [.input("worst step", Double($0.worstStep), .count), .input("trades", Double($0.trades), .count)])
            },
            note: "worst step \(worstStep) of \(settings.steps)"))
        out.append(Explanation(
            "hedge cost / credit", hedgeCostRatio ?? .nan, .ratio, rule: "hedge premium paid ÷ condor credit received",
            inputs: [.input("hedge premium paid", hedgePremiumPaid, .dollars), .input("credit received", creditReceived, .dollars)],
            note: hedgeCostRatio == nil ? "undefined: no condor credit recorded" : nil))
        out.append(irr.explanation)
        return out
    }
}
