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

    /// Plays `paths` in order; `observe` (caller's thread only) sees the progress at every tick.
    func play(paths: Range<Int>, observe: MonteCarlo.Observer? = nil) {
        for i in paths {
            let outcome = MonteCarlo.playPath(i, config) { units in
                self.done.add(units, ordering: .relaxed)
                if let observe, observe(self.fractionDone) { self.requestStop() }
                return self.stopRequested
            }
            guard let (p, f) = outcome else { return }
            progression[i] = p
            flat[i] = f
            played[i] = true
        }
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
