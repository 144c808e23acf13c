/// What one strategy did on one simulated path.
public struct PathOutcome: Sendable, Equatable {
    public var finalEquity: Double
    /// Largest peak-to-trough fall, in dollars and as a fraction of the peak.
    public var maxDrawdown: Double
    public var maxDrawdownFraction: Double
    /// Cycles that ended, and how many of them ended with a loss at the last step.
    public var cycles: Int
    public var failedCycles: Int
    /// Sum and sum of squares of the ended cycles' P&L.
    public var cyclePnLSum: Double
    public var cyclePnLSquares: Double
    /// Trades played.
    public var trades: Int
    /// Whether the path stopped early: the budget could not buy one contract, or a loss would
    /// have taken the equity to zero.
    public var stopped: Bool

    /// A path that has not traded yet, at `equity`.
    public init(equity: Double) {
        finalEquity = equity
        maxDrawdown = 0
        maxDrawdownFraction = 0
        cycles = 0
        failedCycles = 0
        cyclePnLSum = 0
        cyclePnLSquares = 0
        trades = 0
        stopped = false
    }
}

/// One strategy's account inside the tight loop: the ``MartingaleState`` rules without the words.
struct FastAccount {
    var equity: Double
    var cycleBase: Double
    var cyclePnL = 0.0
    var step = 0
    var peak: Double
    /// The deepest fall below the current peak so far.
    var deepestFall = 0.0
    var out: PathOutcome

    init(equity: Double, base: Double) {
        self.equity = equity
        cycleBase = base * equity
        peak = equity
        out = PathOutcome(equity: equity)
    }

    /// Contracts at the current step: `min(floor(base$ × m / risk), floor(cap × equity / max loss))`,
    /// as ``SizingResult``; without the floors when `fractional` (per dollar of budget, METHOD §5).
    @inline(__always)
    func contracts(product: Double, cap: Double, risk: Double, maxLoss: Double, fractional: Bool) -> Double {
        let budget = cycleBase * product, capital = cap * equity
        if fractional { return budget > 0 && capital > 0 ? min(budget / risk, capital / maxLoss) : 0 }
        return Double(min(SizingResult.wholeUnits(budget, per: risk), SizingResult.wholeUnits(capital, per: maxLoss)))
    }

    /// Books one trade of `contracts`; false when the loss would take the equity to zero.
    @inline(__always)
    mutating func trade(
        won: Bool, contracts: Double, win: Double, loss: Double, steps: Int, resetOnWin: Bool, base: Double
    ) -> Bool {
        let pnl = won ? contracts * win : -(contracts * loss)
        let after = equity + pnl
        guard after > 0 else { return false }
        equity = after
        cyclePnL += pnl
        out.trades += 1
        if equity > peak {
            peak = equity
            deepestFall = 0
        } else {
            let fall = peak - equity
            if fall > out.maxDrawdown { out.maxDrawdown = fall }
            // Under one peak the deepest fall is the largest fraction: divide only then.
            if fall > deepestFall {
                deepestFall = fall
                let fraction = fall / peak
                if fraction > out.maxDrawdownFraction { out.maxDrawdownFraction = fraction }
            }
        }
        if !won {
            if step < steps - 1 {
                step += 1
                return true
            }
            out.failedCycles += 1
        } else if !(resetOnWin || cyclePnL >= 0) {
            return true
        }
        out.cycles += 1
        out.cyclePnLSum += cyclePnL
        out.cyclePnLSquares += cyclePnL * cyclePnL
        cyclePnL = 0
        step = 0
        cycleBase = base * equity
        return true
    }
}
