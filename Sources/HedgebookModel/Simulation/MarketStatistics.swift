#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The statistics that calibrate a market against history (docs/calibration.md), from any path:
/// simulated or imported.
///
/// ```
/// VIX mean, SD               over every day's close
/// SD of daily log VIX changes   ln(VIX_t / VIX_{t−1})
/// SPX–VIX correlation        of the daily log changes ln(S_t/S_{t−1}) and ln(VIX_t/VIX_{t−1})
/// realised ÷ implied         SD(daily SPX log changes) × √252 ÷ mean(VIX / 100)
/// SPX falls ≥ 3 %            share of days with S_t / S_{t−1} − 1 ≤ −3 %
/// ```
/// SDs divide by n. Several paths are pooled: changes are taken within each path only.
public struct MarketStatistics: Sendable, Equatable {
    public var days = 0
    public var changes = 0
    var sumV = 0.0, sumV2 = 0.0
    var sumX = 0.0, sumX2 = 0.0, sumS = 0.0, sumS2 = 0.0, sumXS = 0.0
    var falls = 0

    public init() {}

    /// Adds one path.
    public mutating func add(_ path: [PathDay]) {
        for (i, d) in path.enumerated() {
            days += 1
            sumV += d.vix
            sumV2 += d.vix * d.vix
            guard i > 0 else { continue }
            let p = path[i - 1]
            let x = log(d.vix / p.vix), s = log(d.spx / p.spx)
            changes += 1
            sumX += x; sumX2 += x * x; sumS += s; sumS2 += s * s; sumXS += x * s
            if d.spx / p.spx - 1 <= -0.03 { falls += 1 }
        }
    }

    public var vixMean: Double { sumV / Double(max(days, 1)) }
    public var vixSD: Double { Self.sd(sumV, sumV2, days) }
    public var logVixChangeSD: Double { Self.sd(sumX, sumX2, changes) }
    public var spxLogChangeSD: Double { Self.sd(sumS, sumS2, changes) }
    public var correlation: Double {
        let n = Double(max(changes, 1))
        let cov = sumXS / n - (sumX / n) * (sumS / n)
        let d = logVixChangeSD * spxLogChangeSD
        return d > 0 ? cov / d : 0
    }
    public var realisedOverImplied: Double { spxLogChangeSD * 252.0.squareRoot() / (vixMean / 100) }
    public var shareOfFalls3: Double { Double(falls) / Double(max(changes, 1)) }

    static func sd(_ s: Double, _ s2: Double, _ n: Int) -> Double {
        guard n > 0 else { return 0 }
        let m = s / Double(n)
        return max(0, s2 / Double(n) - m * m).squareRoot()
    }
}
