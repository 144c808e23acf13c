#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The risk graph of positions as held: their P&L against SPX (or VIX) at an expiry, today and
/// at later dates, each position at its own fill, as thinkorswim's Analyze tab draws a portfolio.
///
/// ```
/// market at x:   SPX axis: S' = x, V' = V × (x / S)^β (kept in 0.01…1000), quoted futures shifted
///                VIX axis: S' = S, V' = x
/// P&L(x, date) = Σ positions (value(market at x, date) − entry value)       (fills, not fees)
/// ```
/// At or after a leg's expiry it is worth its intrinsic value at the axis level (`Position.value`),
/// so at the condor's expiry the condor's curve is exactly Σ quantity × 100 × intrinsic − entry.
public struct HeldPayoff: Sendable, Equatable {
    public struct Curve: Sendable, Equatable {
        public var label: String
        public var date: CalendarDate
        public var pnl: [Double]
    }

    /// The axis: SPX levels, or VIX levels for a VIX view.
    public var x: [Double]
    public var curves: [Curve]

    public init(positions: [Position], market: Market, dates: [(label: String, date: CalendarDate)],
                vixAxis: Bool = false, elasticity: Double = -5, range: ClosedRange<Double>, points: Int = 161) {
        let n = max(points, 2)
        x = (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
        let entry = positions.reduce(0) { $0 + $1.entryValue }
        let markets = x.map { level -> Market in
            if vixAxis { return market.shocked(spxMove: 0, vix: level) }
            let v = min(1000, max(0.01, market.vix * pow(level / market.spx, elasticity)))
            var m = market.shocked(spxMove: level / market.spx - 1, vix: v)
            m.spx = level
            return m
        }
        curves = dates.map { d in
            Curve(label: d.label, date: d.date,
                  pnl: markets.map { m in positions.reduce(0) { $0 + $1.value(market: m, on: d.date) } - entry })
        }
    }

    /// Where `y` changes sign along `x`, by linear interpolation.
    public static func zeroCrossings(_ x: [Double], _ y: [Double]) -> [Double] {
        var out: [Double] = []
        for i in 1..<x.count where (y[i - 1] < 0) != (y[i] < 0) {
            out.append(x[i - 1] + (x[i] - x[i - 1]) * (0 - y[i - 1]) / (y[i] - y[i - 1]))
        }
        return out
    }
}
