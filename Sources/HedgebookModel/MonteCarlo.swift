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

    /// Plays path `index` of `config` with `stop` looked at every ``checkInterval`` trades.
    /// Returns the progression's and the flat strategy's outcomes, or nil when stopped.
    static func playPath(
        _ index: Int, _ config: MonteCarloConfig, tick: (Int) -> Bool
    ) -> (PathOutcome, PathOutcome)? {
        var rng = Xoshiro256StarStar(seed: config.seed, stream: UInt64(index))
        let s = config.settings
        let k = s.steps
        let products = (1...k).map { RiskBudget.multiplierProduct(step: $0, settings: s) }
        var prog = FastAccount(equity: config.startEquity, base: s.base)
        var flat = FastAccount(equity: config.startEquity, base: s.base)
        let fixed = config.resize ? nil : (0..<k).map {
            prog.contracts(product: products[$0], cap: s.cap, risk: config.riskPerContract[$0])
        }
        let resetOnWin = s.reset == .win
        let p = config.winRate, w = config.winPerContract, cap = s.cap
        let flatRisk = config.riskPerContract[0], flatLoss = config.lossPerContract[0]
        let byCycles: Bool
        if case .cycles = config.horizon { byCycles = true } else { byCycles = false }
        let goal = config.horizon.count
        var flatPlaying = true
        var sinceTick = 0
        while (byCycles ? prog.out.cycles : prog.out.trades) < goal {
            let step = prog.step
            let c = fixed?[step] ?? prog.contracts(product: products[step], cap: cap, risk: config.riskPerContract[step])
            let won = rng.nextUnit() < p
            let doneBefore = byCycles ? prog.out.cycles : prog.out.trades
            guard c > 0, prog.trade(won: won, contracts: c, win: w, loss: config.lossPerContract[step],
                                    steps: k, resetOnWin: resetOnWin, base: s.base) else {
                prog.out.stopped = true
                break
            }
            if flatPlaying {
                let cf = fixed?[0] ?? flat.contracts(product: 1, cap: cap, risk: flatRisk)
                flatPlaying = cf > 0 && flat.trade(won: won, contracts: cf, win: w, loss: flatLoss,
                                                   steps: 1, resetOnWin: true, base: s.base)
                flat.out.stopped = !flatPlaying
            }
            sinceTick += (byCycles ? prog.out.cycles : prog.out.trades) - doneBefore
            if prog.out.trades & (checkInterval - 1) == 0 {
                if tick(sinceTick) { return nil }
                sinceTick = 0
            }
        }
        let remaining = goal - (byCycles ? prog.out.cycles : prog.out.trades) + sinceTick
        if tick(remaining) { return nil }
        prog.out.finalEquity = prog.equity
        flat.out.finalEquity = flat.equity
        return (prog.out, flat.out)
    }
}
