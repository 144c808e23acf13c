/// The Monte Carlo of the progression: many paths of the modified martingale beside flat
/// sizing, on the same random draws, deterministic for a seed.
///
/// Paths are split into two fixed halves played on two threads; each path has its own
/// ``Xoshiro256StarStar`` stream keyed by the seed and its index, and the results are merged in
/// path order, so a seed gives the same numbers bit for bit however the threads are scheduled.
public enum MonteCarlo {
    /// Called on the caller's thread with the fraction done (0…1), about every 65,536 trades
    /// and while waiting; returning true stops the run.
    public typealias Observer = (Double) -> Bool

    /// Trades between two looks at the stop flag and the progress counter.
    static let checkInterval = 1 << 16

    /// Paths a thread plays interleaved.
    static let lanes = 8

    /// Trades a lane plays before the next lane's turn: its state stays in registers meanwhile.
    static let burst = 8

    /// Plays `config` on two threads (the caller's and one more) and summarises it.
    /// With `observe`, a stop request ends the run early: the result then says ``MonteCarloResult/cancelled``.
    public static func run(_ config: MonteCarloConfig, observe: Observer? = nil) -> MonteCarloResult {
        let board = MonteCarloBoard(config)
        let half = config.paths / 2
        let worker = half > 0 ? WorkerThread { board.play(paths: half..<config.paths) } : nil
        board.play(paths: 0..<(worker == nil ? config.paths : half), observe: observe)
        if let worker {
            while !worker.isFinished {
                if let observe, observe(board.fractionDone) { board.requestStop() }
                worker.waitBriefly()
            }
            worker.join()
        }
        if let observe, !board.stopRequested { _ = observe(board.fractionDone) }
        return MonteCarloResult(config: config, board: board)
    }
}
