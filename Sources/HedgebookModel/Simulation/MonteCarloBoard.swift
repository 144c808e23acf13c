#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Synchronization

/// The shared scoreboard of a Monte Carlo run: every path's outcome by index, the work done,
/// and the stop flag. Threads write disjoint indices; the summary reads them in path order.
final class MonteCarloBoard: @unchecked Sendable {
    let config: MonteCarloConfig
    /// `progression[i]`, `flat[i]`: path `i`'s outcomes; `played[i]`: whether path `i` finished.
    let progression: UnsafeMutableBufferPointer<PathOutcome>
    let flat: UnsafeMutableBufferPointer<PathOutcome>
    let played: UnsafeMutableBufferPointer<Bool>
    private let done = Atomic<Int>(0)
    private let stop = Atomic<Bool>(false)
    /// Horizon units (cycles or trades) over all paths.
    let totalWork: Double

    init(_ config: MonteCarloConfig) {
        self.config = config
        let blank = PathOutcome(equity: config.startEquity)
        progression = .allocate(capacity: config.paths)
        progression.initialize(repeating: blank)
        flat = .allocate(capacity: config.paths)
        flat.initialize(repeating: blank)
        played = .allocate(capacity: config.paths)
        played.initialize(repeating: false)
        totalWork = Double(config.paths) * Double(config.horizon.count)
    }

    deinit {
        progression.deallocate()
        flat.deallocate()
        played.deallocate()
    }

    var fractionDone: Double { min(1, Double(done.load(ordering: .relaxed)) / totalWork) }
    var stopRequested: Bool { stop.load(ordering: .relaxed) }
    func requestStop() { stop.store(true, ordering: .relaxed) }

    /// Plays `paths`, ``MonteCarlo/lanes`` at a time interleaved trade by trade; `observe`
    /// (caller's thread only) sees the progress at every tick.
    ///
    /// Each path alone is one serial chain (equity → size → P&L → equity); interleaving
    /// independent paths lets the processor overlap them. Every path does exactly the operations
    /// it would do alone, in the same order, so its outcome does not depend on its lane.
    func play(paths: Range<Int>, observe: MonteCarlo.Observer? = nil) {
        guard !paths.isEmpty else { return }
        let t = StepTables(config)
        defer { t.deallocate() }
        let width = min(MonteCarlo.lanes, paths.count)
        let lane = UnsafeMutablePointer<PathPlayer>.allocate(capacity: width)
        defer { lane.deallocate() }
        var next = paths.lowerBound
        for l in 0..<width {
            (lane + l).initialize(to: PathPlayer(index: next, t))
            next += 1
        }
        var active = width
        var units = 0
        var trades = 0
        while active > 0 {
            var l = 0
            while l < active {
                if lane[l].trades(MonteCarlo.burst, t, units: &units) {
                    l += 1
                    continue
                }
                let i = lane[l].index
                (progression[i], flat[i]) = lane[l].outcomes()
                played[i] = true
                if next < paths.upperBound {
                    lane[l] = PathPlayer(index: next, t)
                    next += 1
                    l += 1
                } else {
                    active -= 1
                    lane[l] = lane[active]
                }
            }
            trades += active * MonteCarlo.burst
            if trades >= MonteCarlo.checkInterval {
                trades = 0
                done.add(units, ordering: .relaxed)
                units = 0
                if let observe, observe(fractionDone) { requestStop() }
                if stopRequested { return }
            }
        }
        done.add(units, ordering: .relaxed)
    }
}

/// A second thread for half of the paths (pthreads: no Foundation, no Dispatch).
final class WorkerThread: @unchecked Sendable {
    private let body: () -> Void
    private let finished = Atomic<Bool>(false)
    private var thread: pthread_t?

    init(_ body: @escaping () -> Void) {
        self.body = body
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let status = pthread_create(&handle, nil, { raw in
            let me = Unmanaged<WorkerThread>.fromOpaque(raw!).takeRetainedValue()
            me.body()
            me.finished.store(true, ordering: .releasing)
            return nil
        }, context)
        if status == 0 {
            thread = handle
        } else {
            // No second thread: play its half here, on the caller's.
            Unmanaged<WorkerThread>.fromOpaque(context).release()
            body()
            finished.store(true, ordering: .releasing)
        }
    }

    var isFinished: Bool { finished.load(ordering: .acquiring) }

    /// Sleeps a millisecond.
    func waitBriefly() { usleep(1000) }

    func join() {
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }
}
