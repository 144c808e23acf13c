import HedgebookModel

/// Microseconds per ``IronCondor/build`` (strike search, the four prices, the probabilities and
/// the greeks) with the default market and settings, over spot moving from 5,500 to 6,500.
func benchCondor() {
    let n = 20_000
    var market = Market()
    let settings = CondorSettings()
    var credit = 0.0
    let seconds = best(of: 3) {
        for i in 0..<n {
            market.spx = 5500 + Double(i % 1000)
            // Default market and settings are valid: the build cannot fail here.
            guard let condor = try? IronCondor.build(market: market, settings: settings) else {
                fatalError("condor build failed at spot \(market.spx)")
            }
            credit += condor.credit
        }
    }
    blackHole(credit)
    print("condor_build_us \(formatted(seconds / Double(n) * 1e6)) us")
}

/// A figure with three decimals, for the `name value unit` lines.
func formatted(_ x: Double) -> String {
    let thousandths = Int((x * 1000).rounded())
    let fraction = String(thousandths % 1000)
    return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
