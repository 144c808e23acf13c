import Dispatch
import HedgebookModel

/// The BSM work both harnesses do: `n` calls over 1,024 strikes and 37 vols, summed.
enum BSMWork {
    static let count = 10_000_000
    static let strikes: [Double] = (0..<1024).map { 5000 + Double($0) }
    static let vols: [Double] = (0..<1024).map { 0.10 + Double($0 % 37) * 0.01 }

    /// Prices calls `range` of the work (index `i` uses strike and vol `i & 1023`) and sums them.
    static func sum(_ range: Range<Int>) -> Double {
        var s = 0.0
        strikes.withUnsafeBufferPointer { ks in
            vols.withUnsafeBufferPointer { vs in
                for i in range {
                    let j = i & 1023
                    s += BlackScholes.price(
                        .call, spot: 6000, strike: ks[j], years: 45.0 / 365,
                        rate: 0.04, dividend: 0.013, volatility: vs[j])
                }
            }
        }
        return s
    }
}

/// BSM prices per second on one core, over a spread of strikes and vols.
func benchBSM() {
    let n = BSMWork.count
    var sum = 0.0
    let seconds = best(of: 3) { sum = BSMWork.sum(0..<n) }
    blackHole(sum)
    print("bsm_prices_per_second \(Int(Double(n) / seconds)) prices/s")
}

/// BSM prices per second with the same work split in two halves on two threads.
func benchBSMTwoCores() {
    let n = BSMWork.count
    let threads = 2
    nonisolated(unsafe) let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: threads)
    defer { sums.deallocate() }
    let seconds = best(of: 3) {
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            sums[t] = BSMWork.sum((t * n / threads)..<((t + 1) * n / threads))
        }
    }
    blackHole(sums.reduce(0, +))
    print("bsm_prices_per_second_2_cores \(Int(Double(n) / seconds)) prices/s")
}
