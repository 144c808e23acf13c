/// The summary of a simulation (METHOD §11 "for many paths").
///
/// Percentiles interpolate linearly between order statistics (position `p/100 × (n − 1)`, as
/// numpy's default). Win rate and P(cycle fails) pool every path: wins ÷ (wins + losses), failed
/// cycles ÷ completed cycles. The mean P&L per trade pools the condors' own P&L of every trade;
/// its standard error is SD ÷ √trades (SD dividing by n).
public struct PathSimulationResult: Sendable {
    /// p5, p25, p50, p75, p95.
    public struct Percentiles: Sendable, Equatable {
        public var p5, p25, p50, p75, p95: Double

        init(_ values: [Double]) {
            let s = values.sorted()
            func at(_ p: Double) -> Double {
                guard !s.isEmpty else { return 0 }
                let pos = p / 100 * Double(s.count - 1)
                let lo = Int(pos), hi = min(lo + 1, s.count - 1)
                return s[lo] + (s[hi] - s[lo]) * (pos - Double(lo))
            }
            p5 = at(5); p25 = at(25); p50 = at(50); p75 = at(75); p95 = at(95)
        }

        public var all: [(String, Double)] { [("p5", p5), ("p25", p25), ("p50", p50), ("p75", p75), ("p95", p95)] }
    }

    /// The pooled figures of one way of playing the paths.
    public struct Summary: Sendable, Equatable {
        public var cagr: Percentiles
        public var finalEquity: Percentiles
        public var maxDrawdown: Percentiles
        public var pDrawdownOver20: Double
        public var pDrawdownOver50: Double
        public var winRate: Double?
        public var pCycleFails: Double?
        public var trades: Int
        public var cycles: Int
        public var failedCycles: Int
        public var meanPnlPerTrade: Double?
        public var standardError: Double?
        public var averageWin: Double?
        public var averageLoss: Double?
        /// Mean result per completed cycle, and the worst completed cycle.
        public var meanCyclePnl: Double?
        public var worstCycle: Double?
        public var unsizedDays: Int
        public var unsizedReason: String?

        init(_ runs: [RunOutcome]) {
            cagr = Percentiles(runs.map(\.cagr))
            finalEquity = Percentiles(runs.map(\.finalEquity))
            maxDrawdown = Percentiles(runs.map(\.maxDrawdown))
            let n = Double(max(runs.count, 1))
            pDrawdownOver20 = Double(runs.count { $0.maxDrawdown > 0.20 }) / n
            pDrawdownOver50 = Double(runs.count { $0.maxDrawdown > 0.50 }) / n
            let wins = runs.reduce(0) { $0 + $1.wins }, losses = runs.reduce(0) { $0 + $1.losses }
            winRate = wins + losses > 0 ? Double(wins) / Double(wins + losses) : nil
            cycles = runs.reduce(0) { $0 + $1.cycles }
            failedCycles = runs.reduce(0) { $0 + $1.failedCycles }
            pCycleFails = cycles > 0 ? Double(failedCycles) / Double(cycles) : nil
            trades = runs.reduce(0) { $0 + $1.trades }
            let sum = runs.reduce(0) { $0 + $1.pnlSum }, squares = runs.reduce(0) { $0 + $1.pnlSquares }
            if trades > 0 {
                let mean = sum / Double(trades)
                meanPnlPerTrade = mean
                standardError = (max(0, squares / Double(trades) - mean * mean) / Double(trades)).squareRoot()
            }
            let winSum = runs.reduce(0) { $0 + $1.winSum }, lossSum = runs.reduce(0) { $0 + $1.lossSum }
            averageWin = wins > 0 ? winSum / Double(wins) : nil
            averageLoss = losses > 0 ? lossSum / Double(losses) : nil
            meanCyclePnl = cycles > 0 ? runs.reduce(0) { $0 + $1.cycleSum } / Double(cycles) : nil
            worstCycle = runs.compactMap(\.worstCycle).min()
            unsizedDays = runs.reduce(0) { $0 + $1.unsizedDays }
            unsizedReason = runs.lazy.compactMap(\.unsizedReason).first
        }
    }

    public var simulation: PathSimulation
    /// Paths played (fewer than asked when cancelled).
    public var paths: Int
    public var cancelled: Bool
    public var main: Summary
    public var flat: Summary?
    public var noHedges: Summary?
    public var neither: Summary?
    /// SPX held over the same paths: CAGR and max drawdown percentiles.
    public var spxCagr: Percentiles
    public var spxDrawdown: Percentiles
    /// Engine days played: paths × days × runs per path.
    public var pathDays: Int

    init(_ simulation: PathSimulation, outcomes: [PathOutcomes], cancelled: Bool) {
        self.simulation = simulation
        paths = outcomes.count
        self.cancelled = cancelled
        main = Summary(outcomes.map(\.main))
        if simulation.comparisons {
            flat = Summary(outcomes.compactMap(\.flat))
            noHedges = Summary(outcomes.compactMap(\.noHedges))
            neither = Summary(outcomes.compactMap(\.neither))
        }
        spxCagr = Percentiles(outcomes.map(\.spxCagr))
        spxDrawdown = Percentiles(outcomes.map(\.spxDrawdown))
        pathDays = outcomes.count * simulation.daysPerPath * simulation.runsPerPath
    }
}
