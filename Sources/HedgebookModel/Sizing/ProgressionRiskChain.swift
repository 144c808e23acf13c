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
        guard rule == .recover else { return closedForm(p) }
        var scratch = ChainScratch(stateCounts())
        return chain(p, &scratch)
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

    /// The open states `(k, m)` at each step `k`: one at step 1, then every `m` with `m·W < lost`.
    func stateCounts() -> [Int] {
        var counts: [Int] = []
        var lost = 0.0
        for k in losses.indices {
            counts.append(k == 0 ? 1 : Self.openStates(lost: lost, win: win))
            lost += Double(contracts[k]) * losses[k]
        }
        return counts
    }

    /// The chain's two rows of expected visits, allocated once for every solve at one size.
    struct ChainScratch {
        var counts: [Int]
        var entry: [Double]
        var visits: [Double]

        init(_ counts: [Int]) {
            self.counts = counts
            let size = counts.max() ?? 1
            entry = [Double](repeating: 0, count: size)
            visits = [Double](repeating: 0, count: size)
        }
    }

    private func chain(_ p: Double, _ scratch: inout ChainScratch) -> CycleOutcomes {
        let q = 1 - p
        var out = CycleOutcomes(pFail: 0, trades: 0, pnl: 0, risk: 0)
        scratch.entry[0] = 1
        var entryCount = 1
        for k in losses.indices {
            let c = contracts[k]
            let size = scratch.counts[k]
            var total = 0.0
            for m in 0..<size {
                var v = m < entryCount ? scratch.entry[m] : 0
                if m >= c { v += p * scratch.visits[m - c] }
                scratch.visits[m] = v
                total += v
            }
            out.trades += total
            out.pnl += total * Double(c) * (p * win - q * losses[k])
            out.risk += total * Double(c) * losses[k]
            for m in 0..<size { scratch.entry[m] = q * scratch.visits[m] }
            entryCount = size
        }
        var failed = 0.0
        for m in 0..<entryCount { failed += scratch.entry[m] }
        out.pFail = failed
        return out
    }

    /// How many `m ≥ 0` leave the cycle below zero: `m · W < lost`.
    static func openStates(lost: Double, win: Double) -> Int {
        var n = Int((lost / win).rounded(.up))
        while n > 0 && Double(n - 1) * win >= lost { n -= 1 }
        while Double(n) * win < lost { n += 1 }
        return max(n, 1)
    }

    /// The win rate at which the expected cycle P&L is zero, on (0, 1), to about 1e-13.
    ///
    /// Brent's method (inverse quadratic interpolation and secant steps, kept inside a
    /// shrinking bracket by bisection): about ten solves of the chain where bisection needs 43.
    /// When the P&L has one sign over the whole interval, the end it tends to.
    func breakEven() -> Double {
        var scratch = ChainScratch(rule == .recover ? stateCounts() : [1])
        func pnl(_ p: Double) -> Double { rule == .win ? closedForm(p).pnl : chain(p, &scratch).pnl }
        var a = 1e-12, b = 1 - 1e-12
        var fa = pnl(a), fb = pnl(b)
        if fa >= 0 { return a }
        if fb < 0 { return b }
        var c = a, fc = fa, d = b - a, e = d
        for _ in 0..<200 {
            if (fb > 0) == (fc > 0) && fb != 0 && fc != 0 { c = a; fc = fa; d = b - a; e = d }
            if abs(fc) < abs(fb) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa }
            let tolerance = 2 * Double.ulpOfOne * abs(b) + 0.5e-13
            let m = 0.5 * (c - b)
            if abs(m) <= tolerance || fb == 0 { return b }
            if abs(e) >= tolerance && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let t = fa / fc, r = fb / fc
                    p = s * (2 * m * t * (t - r) - (b - a) * (r - 1))
                    q = (t - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tolerance * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = m
                    e = m
                }
            } else {
                d = m
                e = m
            }
            a = b
            fa = fb
            b += abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance)
            fb = pnl(b)
        }
        return b
    }
}
