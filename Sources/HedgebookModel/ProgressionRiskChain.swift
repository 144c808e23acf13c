#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The expected figures of one cycle at win rate `p`, computed exactly.
struct CycleOutcomes: Sendable, Equatable {
    /// P(the cycle ends with a loss at the last step).
    var pFail: Double
    /// Expected trades per cycle.
    var trades: Double
    /// Expected cycle P&L.
    var pnl: Double
    /// Expected dollars put at risk per cycle (`Σ visits × contracts × loss per contract`).
    var risk: Double
}

/// An absorbing Markov chain over (step, winning contracts so far) for rule `recover`,
/// and its closed form for rule `win`.
///
/// With the same win `W` per contract at every step, the cycle's P&L at step `k` is
/// `−D_k + m·W` where `D_k = Σ_{j<k} c_j L_j` is what the earlier steps lost and `m` counts
/// winning contracts, so `(k, m)` is an exact state. The chain only moves forward (a win
/// raises `m`, a loss raises `k`), so one pass gives the expected visits of every state:
/// ```
/// visits(k, m) = entry(k, m) + p · visits(k, m − c_k)
/// E[trades]    = Σ visits,   E[P&L] = Σ visits · c_k (pW − qL_k)
/// P(fail)      = Σ_m q · visits(K, m)
/// ```
/// Rule `win` is the chain with every win absorbing: `visits(k) = q^{k−1}`.
struct ProgressionChain: Sendable {
    var win: Double
    var losses: [Double]
    var contracts: [Int]
    var rule: ResetRule

    /// The most (step, m) states the recover chain may hold before it refuses.
    static let stateLimit = 200_000

    /// Checks the chain's size for rule `recover` before any solve.
    func checkSize() throws(ModelError) {
        guard rule == .recover else { return }
        var d = 0.0
        for k in losses.indices.dropLast() { d += Double(contracts[k]) * losses[k] }
        guard d / win < Double(Self.stateLimit) else {
            throw .unavailable("the win per contract is too small next to the losses to follow every state of the cycle exactly")
        }
    }

    func outcomes(_ p: Double) -> CycleOutcomes {
        rule == .win ? closedForm(p) : chain(p)
    }

    private func closedForm(_ p: Double) -> CycleOutcomes {
        let q = 1 - p
        var reach = 1.0, out = CycleOutcomes(pFail: 0, trades: 0, pnl: 0, risk: 0)
        for k in losses.indices {
            let c = Double(contracts[k])
            out.trades += reach
            out.pnl += reach * c * (p * win - q * losses[k])
            out.risk += reach * c * losses[k]
            reach *= q
        }
        out.pFail = reach
        return out
    }

    private func chain(_ p: Double) -> CycleOutcomes {
        let q = 1 - p
        var out = CycleOutcomes(pFail: 0, trades: 0, pnl: 0, risk: 0)
        var entry: [Double] = [1]
        var lost = 0.0
        for k in losses.indices {
            let c = contracts[k]
            let size = k == 0 ? 1 : Self.openStates(lost: lost, win: win)
            var visits = [Double](repeating: 0, count: size)
            for m in 0..<size {
                var v = m < entry.count ? entry[m] : 0
                if m >= c { v += p * visits[m - c] }
                visits[m] = v
            }
            let total = visits.reduce(0, +)
            out.trades += total
            out.pnl += total * Double(c) * (p * win - q * losses[k])
            out.risk += total * Double(c) * losses[k]
            entry = visits.map { q * $0 }
            lost += Double(c) * losses[k]
        }
        out.pFail = entry.reduce(0, +)
        return out
    }

    /// How many `m ≥ 0` leave the cycle below zero: `m · W < lost`.
    static func openStates(lost: Double, win: Double) -> Int {
        var n = Int((lost / win).rounded(.up))
        while n > 0 && Double(n - 1) * win >= lost { n -= 1 }
        while Double(n) * win < lost { n += 1 }
        return max(n, 1)
    }

    /// The win rate at which the expected cycle P&L is zero, by bisection on (0, 1).
    func breakEven() -> Double {
        var lo = 1e-12, hi = 1 - 1e-12
        for _ in 0..<200 where hi - lo > 1e-13 {
            let mid = 0.5 * (lo + hi)
            if outcomes(mid).pnl < 0 { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }
}
