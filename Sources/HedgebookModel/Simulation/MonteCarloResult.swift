#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The 5th, 25th, 50th, 75th and 95th percentiles of a sample, by linear interpolation
/// between order statistics (`h = (n − 1) × p`, numpy's default).
public struct Percentiles: Sendable, Equatable {
    public static let levels: [Double] = [0.05, 0.25, 0.50, 0.75, 0.95]
    /// One value per entry of ``levels``.
    public var values: [Double]

    public init(_ sample: [Double]) {
        let sorted = sample.sorted()
        values = Self.levels.map { Self.quantile(sorted, $0) }
    }

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}

/// What one strategy did over all the paths of a run.
public struct StrategySummary: Sendable, Equatable {
    /// Cycles that ended, and the share of them lost at the last step, with its standard error
    /// `√(p̂(1 − p̂)/n)`.
    public var cycles: Int
    public var pCycleFails: Double
    public var pCycleFailsStandardError: Double
    /// Mean P&L of an ended cycle and its standard error `s/√n` (cycles taken as independent).
    public var evPerCycle: Double
    public var evPerCycleStandardError: Double
    public var trades: Int
    public var meanFinalEquity: Double
    public var finalEquity: Percentiles
    /// Max drawdown of a path as a fraction of its peak, and in dollars.
    public var maxDrawdownFraction: Percentiles
    public var maxDrawdown: Percentiles
    /// Paths that stopped before the horizon (the budget could not buy one contract).
    public var stoppedPaths: Int

    init(_ outcomes: [PathOutcome]) {
        var n = 0, failed = 0, trades = 0, stopped = 0
        var sum = 0.0, squares = 0.0, equity = 0.0
        for o in outcomes {
            n += o.cycles
            failed += o.failedCycles
            trades += o.trades
            sum += o.cyclePnLSum
            squares += o.cyclePnLSquares
            equity += o.finalEquity
            if o.stopped { stopped += 1 }
        }
        cycles = n
        let count = Double(max(n, 1))
        pCycleFails = Double(failed) / count
        pCycleFailsStandardError = (pCycleFails * (1 - pCycleFails) / count).squareRoot()
        evPerCycle = sum / count
        let variance = n > 1 ? max(0, (squares - sum * sum / count) / (count - 1)) : 0
        evPerCycleStandardError = (variance / count).squareRoot()
        self.trades = trades
        meanFinalEquity = outcomes.isEmpty ? 0 : equity / Double(outcomes.count)
        finalEquity = Percentiles(outcomes.map(\.finalEquity))
        maxDrawdownFraction = Percentiles(outcomes.map(\.maxDrawdownFraction))
        maxDrawdown = Percentiles(outcomes.map(\.maxDrawdown))
        stoppedPaths = stopped
    }
}

/// The summary of a Monte Carlo run: the progression beside flat sizing on the same draws.
public struct MonteCarloResult: Sendable, Equatable {
    public var config: MonteCarloConfig
    /// Paths played to their horizon (all of them unless the run was stopped).
    public var pathsPlayed: Int
    /// Whether a stop request ended the run early; the summaries then cover ``pathsPlayed``.
    public var cancelled: Bool
    /// The share of the work done when the run ended.
    public var fractionDone: Double
    public var progression: StrategySummary
    public var flat: StrategySummary
    /// Each played path's outcomes, in path order (for tests and the benchmark).
    public var progressionPaths: [PathOutcome]
    public var flatPaths: [PathOutcome]

    init(config: MonteCarloConfig, board: MonteCarloBoard) {
        self.config = config
        var prog: [PathOutcome] = [], flat: [PathOutcome] = []
        prog.reserveCapacity(config.paths)
        flat.reserveCapacity(config.paths)
        for i in 0..<config.paths where board.played[i] {
            prog.append(board.progression[i])
            flat.append(board.flat[i])
        }
        pathsPlayed = prog.count
        cancelled = board.stopRequested
        fractionDone = cancelled ? board.fractionDone : 1
        progression = StrategySummary(prog)
        self.flat = StrategySummary(flat)
        progressionPaths = prog
        flatPaths = flat
    }

    /// Trades the progression played over all paths (the flat strategy plays the same draws).
    public var trades: Int { progression.trades }
}
