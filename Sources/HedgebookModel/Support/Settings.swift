/// The iron condor's settings (METHOD §4).
public struct CondorSettings: Sendable, Equatable, Codable {
    /// `spx` (default) or `xsp`.
    public var underlying: Underlying = .spx
    /// Days to expiry of the condor.
    public var dte: Int = 45
    /// Short-strike delta as a fraction (`0.16` for "16 delta").
    public var delta: Double = 0.16
    /// Wing width in points; `nil` means the underlying's default (50 on SPX, 5 on XSP).
    public var width: Double? = nil

    public init() {}

    /// The wing width in force.
    public var effectiveWidth: Double { width ?? underlying.defaultWidth }

    /// Checks every field (delta strictly between 0 and 0.5, width and DTE positive).
    public func validate() throws(ModelError) {
        guard dte > 0 else { throw .notPositive(quantity: "DTE", value: Double(dte)) }
        guard dte <= 3650 else { throw .outOfRange(quantity: "DTE", value: Double(dte), valid: "1 to 3650 days") }
        _ = try Validate.finite(delta, "short delta")
        guard delta >= 0.01, delta < 0.5 else {
            throw .outOfRange(quantity: "short delta", value: delta * 100, valid: "1 or more and less than 50")
        }
        if let width {
            _ = try Validate.positive(width, "wing width")
            // Narrower than one strike step there is no condor to build.
            guard width >= underlying.strikeStep, width <= 10_000 else {
                throw .outOfRange(quantity: "wing width", value: width,
                                  valid: "\(ModelFormat.plain(underlying.strikeStep, decimals: 2)) to 10000 points on \(underlying.rawValue.uppercased())")
            }
        }
    }
}

/// When a cycle of the modified martingale resets after a win (METHOD §5).
public enum ResetRule: String, Sendable, Equatable, Codable, CaseIterable {
    /// Reset only once the cycle's cumulative P&L is back to zero or better.
    case recover
    /// Any win resets.
    case win
}

/// The modified martingale's settings (METHOD §5).
public struct SizingSettings: Sendable, Equatable, Codable {
    /// Base risk as a fraction of equity at the start of a cycle.
    public var base: Double = 0.01
    /// Multipliers applied going into steps 2, 3, … (`m2 m3 m4`).
    public var multipliers: [Double] = [1.8, 1.6, 1.6]
    /// Maximum number of steps in a cycle.
    public var steps: Int = 4
    /// Reset rule after a win.
    public var reset: ResetRule = .recover
    /// Per-layer cap: the most any one step (or hedge layer) may risk, as a fraction of current equity.
    public var cap: Double = 0.10
    /// Stop-loss per step as a fraction of the credit; `nil` means no stop (risk is the max loss).
    /// When shorter than ``steps``, the last entry repeats.
    public var stops: [Double]? = [0.90, 0.90, 0.65, 0.65]

    public init() {}

    /// The multiplier going into `step` (1-based); 1 for step 1; the last one repeats.
    public func multiplier(into step: Int) -> Double {
        guard step >= 2, !multipliers.isEmpty else { return 1 }
        return multipliers[min(step - 2, multipliers.count - 1)]
    }

    /// The stop at `step` (1-based), or `nil` when stops are off.
    public func stop(at step: Int) -> Double? {
        guard let stops, !stops.isEmpty else { return nil }
        return stops[min(max(step, 1) - 1, stops.count - 1)]
    }

    /// Checks every field.
    public func validate() throws(ModelError) {
        _ = try Validate.inRange(base, 0.0001...1, "base risk", valid: "between 0.01% and 100% of equity")
        for m in multipliers {
            _ = try Validate.finite(m, "multiplier")
            guard m >= 1 else { throw .outOfRange(quantity: "multiplier", value: m, valid: "1 or more") }
            guard m <= 10 else { throw .outOfRange(quantity: "multiplier", value: m, valid: "at most 10") }
        }
        guard (1...12).contains(steps) else {
            throw .outOfRange(quantity: "steps", value: Double(steps), valid: "1 to 12")
        }
        _ = try Validate.inRange(cap, 0.0001...1, "per-layer cap", valid: "between 0.01% and 100% of equity")
        if let stops {
            for s in stops {
                _ = try Validate.inRange(s, 0.01...10, "stop", valid: "between 1% and 1000% of the credit")
            }
        }
    }
}

/// The ALVH 4/4/2 hedge's settings (METHOD §6).
public struct HedgeSettings: Sendable, Equatable, Codable {
    /// Units per layer: L1, L2, L3.
    public var units: [Double] = [4, 4, 2]
    /// Premium budget per layer as a fraction of equity: L1, L2, L3.
    public var budgets: [Double] = [0.012, 0.012, 0.004]
    /// Days to expiry per layer: L1, L2, L3.
    public var dte: [Int] = [30, 60, 120]
    /// Long strike of the L1/L2 spreads as a multiple of the future (`ceil(F × 1.10)`).
    public var spreadStrikeFactor: Double = 1.10
    /// Width of the L1/L2 call spreads in VIX points.
    public var spreadWidth: Double = 10
    /// L3 strike as a multiple of its future (`ceil(F × 1.25)`).
    public var anchorStrikeFactor: Double = 1.25
    /// Sum of all layers' premium, as a fraction of equity.
    public var grossCap: Double = 0.18
    /// Contracts per unit at the reference sleeve (40 per unit at $2,000,000).
    public var contractsPerUnitAtReference: Double = 40
    /// The reference sleeve for the scale rule.
    public var referenceEquity: Double = 2_000_000
    /// VIX spike trigger: VIX at or above this multiple of its level when the cycle began.
    public var spikeFactor: Double = 1.2
    /// L3 trigger: VIX at or above this level.
    public var anchorVix: Double = 30
    /// L3 trigger: martingale step at or above this.
    public var anchorStep: Int = 3
    /// L2's time-shift window after L1, in days.
    public var timeShiftWindow: ClosedRange<Int> = 7...14

    public init() {}

    /// Checks every field.
    public func validate() throws(ModelError) {
        _ = try Validate.inRange(grossCap, 0...1, "gross hedge cap", valid: "between 0% and 100% of equity")
        for b in budgets { _ = try Validate.inRange(b, 0...1, "layer budget", valid: "between 0% and 100% of equity") }
        for u in units { _ = try Validate.nonNegative(u, "layer units") }
        for d in dte { _ = try Validate.positive(Double(d), "layer DTE") }
        _ = try Validate.positive(spreadWidth, "hedge spread width")
        _ = try Validate.positive(spreadStrikeFactor, "hedge strike factor")
        _ = try Validate.positive(anchorStrikeFactor, "anchor strike factor")
        _ = try Validate.positive(spikeFactor, "VIX spike factor")
    }
}
