import HedgebookModel

/// BSM prices per second on one core, over a spread of strikes and vols.
func benchBSM() {
    let n = 10_000_000
    var strikes = [Double](repeating: 0, count: 1024)
    var vols = [Double](repeating: 0, count: 1024)
    for i in 0..<1024 {
        strikes[i] = 5000 + Double(i)
        vols[i] = 0.10 + Double(i % 37) * 0.01
    }
    var sum = 0.0
    let seconds = best(of: 3) {
        var s = 0.0
        strikes.withUnsafeBufferPointer { ks in
            vols.withUnsafeBufferPointer { vs in
                for i in 0..<n {
                    let j = i & 1023
                    s += BlackScholes.price(
                        .call, spot: 6000, strike: ks[j], years: 45.0 / 365,
                        rate: 0.04, dividend: 0.013, volatility: vs[j])
                }
            }
        }
        sum = s
    }
    blackHole(sum)
    print("bsm_prices_per_second \(Int(Double(n) / seconds)) prices/s")
}
