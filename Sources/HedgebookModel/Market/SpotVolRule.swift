#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// How VIX moves with SPX in a what-if when no VIX level is given: a constant elasticity.
///
/// ```
/// V' = V × (S'/S)^β          β = elasticity, default −5
/// ```
/// At VIX 18 a −1 % SPX move gives +0.92 VIX points and a +1 % move −0.87, close to the
/// "about a point per percent" traders quote; unlike a points-per-percent rule it scales with
/// the level (a −8 % week from VIX 18 gives 27.3, from VIX 30 gives 45.5) and never crosses
/// zero. The result is clamped to the market's valid VIX range, 0.01 to 1000.
public struct SpotVolRule: Sendable, Equatable, Codable {
    /// `β`: the percentage change of VIX per 1 % change of SPX, in logs. 0 keeps VIX fixed.
    public var elasticity: Double

    /// The default elasticity, −5.
    public static let defaultElasticity = -5.0

    public init(elasticity: Double = SpotVolRule.defaultElasticity) {
        self.elasticity = elasticity
    }

    /// VIX after SPX moves by `spxMove` (a fraction: −0.08 for −8 %) from VIX `vix`.
    /// A move of 0 returns `vix` exactly.
    public func vix(from vix: Double, spxMove: Double) -> Double {
        guard spxMove != 0, elasticity != 0 else { return vix }
        return min(1000, max(0.01, vix * pow(1 + spxMove, elasticity)))
    }

    /// Checks the elasticity (−50 to 50).
    public func validate() throws(ModelError) {
        _ = try Validate.inRange(elasticity, -50...50, "spot–vol elasticity", valid: "between -50 and 50")
    }
}
