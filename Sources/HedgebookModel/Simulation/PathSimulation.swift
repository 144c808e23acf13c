#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Synchronization

/// The §9 engine on many §10 simulated paths, beside the comparison runs, on two threads,
/// deterministic for a seed (METHOD §11).
///
/// Paths are split into two fixed halves played on two threads; each path draws from its own
/// stream, and the outcomes are kept by path index and summarised in path order, so a seed gives
/// the same numbers bit for bit however the threads are scheduled.
public struct PathSimulation: Sendable {
    public let market: SimulatedMarket
    public var settings: PathSettings
    public let years: Int
    public var paths: Int
    public var seed: UInt64
    /// Also play flat sizing, no hedges and neither on every path.
    public var comparisons: Bool

    public static let pathLimit = 100_000
    public static let yearLimit = 100

    public init(market: SimulatedMarket, settings: PathSettings, years: Int, paths: Int, seed: UInt64,
                comparisons: Bool = true) throws(ModelError) {
        try settings.validate()
        guard (1...Self.yearLimit).contains(years) else {
            throw .outOfRange(quantity: "years", value: Double(years), valid: "1 to \(Self.yearLimit)")
        }
        guard (1...Self.pathLimit).contains(paths) else {
            throw .outOfRange(quantity: "paths", value: Double(paths), valid: "1 to \(Self.pathLimit)")
        }
        self.market = market
        self.settings = settings
        self.years = years
        self.paths = paths
        self.seed = seed
        self.comparisons = comparisons
        self.daysPerPath = market.days(years: years)
    }

    /// Trading days of each path.
    public private(set) var daysPerPath = 0

    /// Runs of the engine per path: 1, or 4 with the comparisons.
    public var runsPerPath: Int { comparisons ? 4 : 1 }

    /// Called on the caller's thread with the fraction done (0…1) after each path it plays and
    /// while it waits; returning true stops the run.
    public typealias Observer = (Double) -> Bool

    /// Plays every path and summarises them.
    public func run(observe: Observer? = nil) -> PathSimulationResult {
        let board = PathBoard(self)
        let half = paths / 2
        let worker = half > 0 ? WorkerThread { board.play(half..<paths) } : nil
        board.play(0..<(worker == nil ? paths : half), observe: observe)
        if let worker {
            while !worker.isFinished {
                if let observe, observe(board.fractionDone) { board.requestStop() }
                worker.waitBriefly()
            }
            worker.join()
        }
        return PathSimulationResult(self, outcomes: board.collect(), cancelled: board.stopRequested)
    }

    /// Plays path `index` alone: its outcome under each way of playing it.
    public func play(index: Int) -> PathOutcomes {
        let n = daysPerPath
        var generator = market.path(seed: seed, index: index)
        var days: [PathDay] = []
        days.reserveCapacity(n)
        for _ in 0..<n { days.append(generator.next()) }
        // The runs play the path in lockstep, sharing each close's marks (MarkMemo).
        let memo = MarkMemo()
        let variants = comparisons ? [settings, settings.flat, settings.noHedges, settings.neither] : [settings]
        var engines: [PathEngine] = []
        for s in variants {
            guard var e = try? PathEngine(settings: s, recordsCurve: false) else { continue }
            e.memo = memo
            engines.append(e)
        }
        guard engines.count == variants.count else { return PathOutcomes(main: RunOutcome()) }
        let serials = days.map(\.date.serial)
        for i in days.indices {
            let next = i + 1 < n ? serials[i + 1] : nil
            for k in engines.indices { try? engines[k].play(days[i], serial: serials[i], next: next) }
        }
        var o = PathOutcomes(main: RunOutcome(engines[0].finish()))
        if comparisons {
            o.flat = RunOutcome(engines[1].finish())
            o.noHedges = RunOutcome(engines[2].finish())
            o.neither = RunOutcome(engines[3].finish())
        }
        let held = HeldIndex(days, account: settings.startEquity)
        o.spxCagr = held.cagr ?? 0
        o.spxDrawdown = held.maxDrawdownPct.depth
        return o
    }
}

/// What one run over one path leaves for the summary.
public struct RunOutcome: Sendable, Equatable {
    public var cagr = 0.0
    public var finalEquity = 0.0
    public var maxDrawdown = 0.0
    public var wins = 0, losses = 0, trades = 0
    public var cycles = 0, failedCycles = 0
    /// Σ trade P&L and Σ P&L², for the mean per trade and its standard error.
    public var pnlSum = 0.0, pnlSquares = 0.0
    /// Σ win results and Σ |loss results|.
    public var winSum = 0.0, lossSum = 0.0
    public var worstCycle: Double?
    public var cycleSum = 0.0
    public var unsizedDays = 0
    public var unsizedReason: String?

    public init() {}

    init(_ run: PathRun) {
        let f = run.figures
        cagr = f.cagr ?? 0
        finalEquity = f.finalEquity
        maxDrawdown = f.maxDrawdownPct.depth
        wins = f.wins
        losses = f.losses
        trades = f.trades
        cycles = f.cycles
        failedCycles = f.failedCycles
        for t in run.trades {
            pnlSum += t.pnl
            pnlSquares += t.pnl * t.pnl
        }
        winSum = (f.averageWin ?? 0) * Double(f.wins)
        lossSum = (f.averageLoss ?? 0) * Double(f.losses)
        worstCycle = f.worstCycle
        cycleSum = f.cyclesPnl
        unsizedDays = run.unsizedDays
        unsizedReason = run.unsizedReason
    }
}

/// One path's outcomes under each way of playing it, and SPX held.
public struct PathOutcomes: Sendable {
    public var main: RunOutcome
    public var flat: RunOutcome?
    public var noHedges: RunOutcome?
    public var neither: RunOutcome?
    public var spxCagr = 0.0
    public var spxDrawdown = 0.0

    public init(main: RunOutcome) { self.main = main }
}

/// The scoreboard: every path's outcomes by index, the paths done, and the stop flag.
final class PathBoard: @unchecked Sendable {
    let simulation: PathSimulation
    let outcomes: UnsafeMutableBufferPointer<PathOutcomes?>
    private let done = Atomic<Int>(0)
    private let stop = Atomic<Bool>(false)

    init(_ simulation: PathSimulation) {
        self.simulation = simulation
        outcomes = .allocate(capacity: simulation.paths)
        outcomes.initialize(repeating: nil)
    }

    deinit {
        outcomes.deinitialize()
        outcomes.deallocate()
    }

    var fractionDone: Double { Double(done.load(ordering: .relaxed)) / Double(max(simulation.paths, 1)) }
    var stopRequested: Bool { stop.load(ordering: .relaxed) }
    func requestStop() { stop.store(true, ordering: .relaxed) }

    /// Plays `range`, checking the stop flag between paths (a path is one chunk).
    func play(_ range: Range<Int>, observe: PathSimulation.Observer? = nil) {
        for i in range {
            if stopRequested { return }
            outcomes[i] = simulation.play(index: i)
            done.add(1, ordering: .relaxed)
            if let observe, observe(fractionDone) { requestStop() }
        }
    }

    /// The outcomes of the paths played, in path order.
    func collect() -> [PathOutcomes] { outcomes.compactMap { $0 } }
}
