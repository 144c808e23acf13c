#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finds the condor's short strikes by delta among listed strikes (METHOD §4).
///
/// The listed chain is every multiple of the strike step (5 on SPX, 1 on XSP) from one step up
/// to `3·S` (METHOD §12 item 5). A short strike that lands on the last listed strike on its side
/// (one step for the put, the top of the chain for the call) missed its delta: see
/// ``IronCondor/putDeltaMissed``. The short put is the strike strictly below `S` whose put delta, computed with that
/// strike's own `σ(K)`, is closest to `−δ` (a tie goes to the lower strike); the short call is
/// the strike strictly above `S` whose call delta is closest to `+δ` (a tie goes to the higher).
///
/// The answer is the brute-force one, found with a few bisections. With `u = ln(K/F)` and
/// `σ(u) = a − c·u` (`a = σ_atm`, `c = k/10`), `d1 = −u/(σ√T) + σ√T/2` has
/// ```
/// ∂d1/∂u = −a/(σ²√T) − c√T/2      (and −1/(σ√T) where the 0.01 floor binds)
/// ```
/// which is negative everywhere when `c ≥ 0`; when `c < 0` it changes sign once, where
/// `σ = max(0.01, √(2a/(|c|T)))`. So |delta| is monotone in the strike on at most two pieces per
/// side, and each piece is bisected for the crossing of `δ`.
public enum StrikeSearch {
    /// The short put's strike for `delta` (a fraction, `0.16` for 16 delta).
    public static func shortPut(_ pricing: IndexPricing, delta: Double) throws(ModelError) -> Double {
        try search(.put, pricing, delta: delta)
    }

    /// The short call's strike for `delta` (a fraction, `0.16` for 16 delta).
    public static func shortCall(_ pricing: IndexPricing, delta: Double) throws(ModelError) -> Double {
        try search(.call, pricing, delta: delta)
    }

    /// Indices `i` of the listed strikes `i·step` strictly below (puts) or above (calls) `level`.
    public static func listedIndices(_ kind: OptionKind, underlying: Underlying, level: Double) -> ClosedRange<Int>? {
        let step = underlying.strikeStep
        guard level.isFinite, level > 0, level / step < 1e9 else { return nil }
        let top = Int((3 * level / step).rounded(.down))
        switch kind {
        case .put:
            var n = Int((level / step).rounded(.up))
            while n >= 1, Double(n) * step >= level { n -= 1 }
            return n >= 1 ? 1...n : nil
        case .call:
            var n = Int((level / step).rounded(.down))
            while Double(n) * step <= level { n += 1 }
            return n <= top ? n...top : nil
        }
    }

    static func search(_ kind: OptionKind, _ pricing: IndexPricing, delta: Double) throws(ModelError) -> Double {
        _ = try Validate.finite(delta, "short delta")
        guard delta > 0, delta < 0.5 else {
            throw .outOfRange(quantity: "short delta", value: delta * 100, valid: "greater than 0 and less than 50")
        }
        let step = pricing.underlying.strikeStep
        guard let range = listedIndices(kind, underlying: pricing.underlying, level: pricing.level) else {
            let side = kind == .put ? "below" : "above"
            throw .noStrike("no listed \(pricing.underlying.ticker) strike \(side) \(ModelFormat.plain(pricing.level))")
        }
        let f = { (i: Int) -> Double in abs(pricing.delta(kind, strike: Double(i) * step)) }
        let turn = turningIndex(pricing, range: range)
        // Below the turn d1 falls as K rises: put |delta| rises, call delta falls.
        var best: (index: Int, distance: Double)? = nil
        let preferHigher = kind == .call
        if range.lowerBound <= turn {
            nearest(range.lowerBound...min(range.upperBound, turn), increasing: kind == .put,
                    target: delta, f, &best, preferHigher: preferHigher)
        }
        if turn < range.upperBound {
            nearest(max(range.lowerBound, turn + 1)...range.upperBound, increasing: kind == .call,
                    target: delta, f, &best, preferHigher: preferHigher)
        }
        return Double(best!.index) * step
    }

    /// The last strike index at or below the turning point of `d1` (the top of `range` if none).
    static func turningIndex(_ pricing: IndexPricing, range: ClosedRange<Int>) -> Int {
        let market = pricing.market
        let c = market.skew / 10, a = market.atmVolatility
        guard c < 0 else { return range.upperBound }
        let sigma = max(0.01, (2 * a / (-c * pricing.years)).squareRoot())
        let strike = pricing.forward * exp((sigma - a) / -c)
        let index = strike / pricing.underlying.strikeStep
        guard index < Double(range.upperBound) else { return range.upperBound }
        guard index >= Double(range.lowerBound) else { return range.lowerBound - 1 }
        return Int(index.rounded(.down))
    }

    /// Bisects a monotone piece for the crossing of `target`, keeps the better neighbour, then
    /// walks an exact tie (far strikes whose deltas all round to the same distance) to the
    /// preferred end, as brute force with the tie rule would.
    static func nearest(
        _ piece: ClosedRange<Int>, increasing: Bool, target: Double, _ f: (Int) -> Double,
        _ best: inout (index: Int, distance: Double)?, preferHigher: Bool
    ) {
        func distance(_ i: Int) -> Double { abs(f(i) - target) }
        // First index whose value is on the far side of the target (piece.upperBound + 1 if none).
        var lo = piece.lowerBound, hi = piece.upperBound + 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let beyond = increasing ? f(mid) >= target : f(mid) <= target
            if beyond { hi = mid } else { lo = mid + 1 }
        }
        var index = lo <= piece.upperBound ? lo : lo - 1
        var closest = distance(index)
        if index - 1 >= piece.lowerBound, index == lo {
            let d = distance(index - 1)
            if d < closest || (d == closest && !preferHigher) { index -= 1; closest = d }
        }
        // Away from the crossing the distance only grows, so a tie is a run next to `index`.
        if preferHigher, index < piece.upperBound, distance(index + 1) == closest {
            var a = index + 1, b = piece.upperBound + 1
            while a < b {
                let mid = a + (b - a) / 2
                if distance(mid) > closest { b = mid } else { a = mid + 1 }
            }
            index = a - 1
        } else if !preferHigher, index > piece.lowerBound, distance(index - 1) == closest {
            var a = piece.lowerBound, b = index
            while a < b {
                let mid = a + (b - a) / 2
                if distance(mid) <= closest { b = mid } else { a = mid + 1 }
            }
            index = a
        }
        if let current = best {
            let better = closest < current.distance
                || (closest == current.distance && (preferHigher ? index > current.index : index < current.index))
            if !better { return }
        }
        best = (index, closest)
    }
}
