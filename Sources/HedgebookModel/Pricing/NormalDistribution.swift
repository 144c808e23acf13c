#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The standard normal distribution.
public enum Normal {
    /// 1/√(2π).
    public static let invSqrt2Pi = 0.398_942_280_401_432_677_94

    /// The cumulative distribution `N(x) = ½ erfc(−x/√2)`, accurate to a few ulps in both tails.
    @inlinable
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x * 0.707_106_781_186_547_524_40)
    }

    /// `ln N(x)`, finite wherever `N(x)` underflows: below −37 it uses the tail series
    /// ```
    /// N(x) ≈ φ(x)/|x| · (1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸)
    /// ```
    @inlinable
    public static func logCdf(_ x: Double) -> Double {
        guard x < -37 else { return log(cdf(x)) }
        let y = 1 / (x * x)
        let series = 1 - y * (1 - y * (3 - y * (15 - 105 * y)))
        return -0.5 * x * x - log(-x) + log(invSqrt2Pi) + log(series)
    }

    /// The density `φ(x) = e^{−x²/2} / √(2π)`.
    @inlinable
    public static func pdf(_ x: Double) -> Double {
        invSqrt2Pi * exp(-0.5 * x * x)
    }
}
