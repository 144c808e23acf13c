#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import HedgebookModel

/// The engine work both harnesses do (bench/engine_reference.py plays the same): the default
/// settings from $1,000,000 on a §10 path from 2026-01-05 (SPX 6000, VIX 18), seed 1, path 0.
enum EngineWork {
    static let start = PathDay(date: CalendarDate(year: 2026, month: 1, day: 5)!, spx: 6000, vix: 18)
    static let equity = 1_000_000.0

    static func path(years: Int) -> [PathDay] {
        guard let m = try? SimulatedMarket(settings: PathMarketSettings(), start: start, vvix: 90) else {
            fatalError("the engine benchmark's market is invalid")
        }
        var p = m.path(seed: 1, index: 0)
        return (0..<m.days(years: years)).map { _ in p.next() }
    }
}

/// Milliseconds of one engine run over a 5- and a 20-year daily path (in process, the path
/// already in memory, hedging on), and path-days a second of `simulate` on two cores.
func benchEngine() {
    let settings = PathSettings(startEquity: EngineWork.equity)
    for years in [5, 20] {
        let days = EngineWork.path(years: years)
        var trades = 0
        let seconds = best(of: 20) {
            guard let run = try? PathEngine.run(days, settings: settings) else { fatalError("engine run failed") }
            trades = run.trades.count
        }
        blackHole(trades)
        print("engine_\(years)y_ms \(seconds * 1000) ms")
    }
    guard let market = try? SimulatedMarket(settings: PathMarketSettings(), start: EngineWork.start, vvix: 90) else {
        fatalError("the simulate benchmark's market is invalid")
    }
    // `simulate 10 years` as the shell runs it: each path played four ways (the method, flat, no
    // hedges, neither) in lockstep. Engine path-days count every way; market path-days count each path-day once.
    guard let full = try? PathSimulation(market: market, settings: settings, years: 10, paths: 500, seed: 1) else {
        fatalError("the simulate benchmark's configuration is invalid")
    }
    var pathDays = 0
    var cpu = Double.infinity
    var seconds = best(of: 3) {
        let before = processCPU()
        pathDays = full.run().pathDays
        cpu = min(cpu, processCPU() - before)
    }
    print("simulate_path_days_per_second \(Int(Double(pathDays) / seconds)) path-days/s")
    // What two cores would do if no other process took them: path-days per CPU-second × 2.
    print("simulate_path_days_per_2_cpu_seconds \(Int(2 * Double(pathDays) / cpu)) path-days/s")
    print("simulate_market_path_days_per_second \(Int(Double(pathDays / 4) / seconds)) path-days/s")
    // The work of bench/engine_reference.py: hedging off, no comparison runs.
    var bare = settings
    bare.trade.hedging = false
    guard let one = try? PathSimulation(market: market, settings: bare, years: 10, paths: 500, seed: 1, comparisons: false) else {
        fatalError("the simulate benchmark's configuration is invalid")
    }
    var mean = 0.0
    cpu = .infinity
    seconds = best(of: 3) {
        let before = processCPU()
        let r = one.run()
        cpu = min(cpu, processCPU() - before)
        pathDays = r.pathDays
        mean = r.main.meanPnlPerTrade ?? 0
    }
    print("simulate_unhedged_path_days_per_second \(Int(Double(pathDays) / seconds)) path-days/s")
    // Two cores with no other process on them: path-days per CPU-second × 2.
    print("simulate_unhedged_path_days_per_cpu \(Int(2 * Double(pathDays) / cpu)) path-days/s")
    print("engine_unhedged_mean_pnl_per_trade \(mean) dollars")
}

/// CPU seconds this process has run, all threads.
func processCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
