import HedgebookModel

/// `hedgebook-bench calibration`: the statistics of docs/calibration.md for the default simulated
/// market (METHOD §10), 200 paths × 10 years from VIX 18, seed 1.
func benchCalibration() {
    guard let m = try? SimulatedMarket(settings: PathMarketSettings(), start: EngineWork.start, vvix: 90) else {
        fatalError("the calibration market is invalid")
    }
    var stats = MarketStatistics()
    for i in 0..<200 {
        var p = m.path(seed: 1, index: i)
        stats.add((0..<m.days(years: 10)).map { _ in p.next() })
    }
    print("days \(stats.days)")
    print("vix_mean \(stats.vixMean)")
    print("vix_sd \(stats.vixSD)")
    print("log_vix_change_sd \(stats.logVixChangeSD)")
    print("spx_vix_correlation \(stats.correlation)")
    print("realised_over_implied \(stats.realisedOverImplied)")
    print("share_of_days_spx_falls_3pct \(stats.shareOfFalls3)")
}
