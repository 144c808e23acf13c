import HedgebookModel

/// The Monte Carlo work both harnesses do (bench/reference.py plays the same): the default
/// sizing settings (base 1 %, multipliers 1.8 1.6 1.6, four steps, rule recover, cap 10 %,
/// stops 90 90 65 65 % of the credit), a condor of credit $144 and max loss $356 per contract
/// (about the default XSP condor), win rate 70 %, 10,000 paths of 1,000 trades from $100,000.
enum MonteCarloWork {
    static let paths = 10_000
    static let trades = 1_000
    static let winRate = 0.70
    static let equity = 100_000.0
    static let credit = 144.0
    static let maxLoss = 356.0
}

/// Trades per second of ``MonteCarlo/run`` (two threads, the progression and flat sizing on the
/// same draws, then the percentiles), counting the progression's trades.
func benchMonteCarlo() {
    let w = MonteCarloWork.self
    guard let config = try? MonteCarloConfig(
        horizon: .trades(w.trades), paths: w.paths, seed: 1, winRate: w.winRate, startEquity: w.equity,
        settings: SizingSettings(), credit: w.credit, maxLoss: w.maxLoss)
    else { fatalError("the Monte Carlo benchmark's configuration is invalid") }
    var trades = 0
    var mean = 0.0
    let seconds = best(of: 3) {
        let result = MonteCarlo.run(config)
        trades = result.trades
        mean = result.progression.meanFinalEquity
    }
    blackHole(mean)
    print("montecarlo_trades_per_second \(Int(Double(trades) / seconds)) trades/s")
}
