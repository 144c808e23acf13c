/// One of the three ALVH layers (METHOD §6).
public enum HedgeLayerKind: Int, Sendable, Equatable, Hashable, Codable, CaseIterable, Comparable {
    /// L1 front: VIX call spread, 30 DTE by default.
    case l1 = 0
    /// L2 time-shifted: the same spread, 60 DTE.
    case l2 = 1
    /// L3 anchor: a long VIX call, 120 DTE.
    case l3 = 2

    /// `L1`, `L2`, `L3`.
    public var label: String { "L\(rawValue + 1)" }

    /// `L1 front`, `L2 time-shifted`, `L3 anchor`.
    public var title: String {
        switch self {
        case .l1: return "L1 front"
        case .l2: return "L2 time-shifted"
        case .l3: return "L3 anchor"
        }
    }

    /// Whether the layer is a call spread (L1, L2) rather than a single call (L3).
    public var isSpread: Bool { self != .l3 }

    public static func < (a: HedgeLayerKind, b: HedgeLayerKind) -> Bool { a.rawValue < b.rawValue }
}

/// The limit that set a layer's size.
public enum HedgeBound: String, Sendable, Equatable, Codable {
    /// `floor(units × contracts per unit)`.
    case scale
    /// `floor(layer budget × equity / cost)`.
    case budget
    /// `floor(per-layer cap × equity / cost)`.
    case cap
    /// The gross hedge cap on the sum of all layers' premium.
    case grossCap
}

/// A sized hedge layer: instrument, price, contracts and the limit that bound them.
public struct HedgeLayer: Sendable, Equatable, Codable {
    /// Which layer.
    public var kind: HedgeLayerKind
    /// Days to expiry of its VIX options.
    public var dte: Int
    /// The VIX future of that expiry.
    public var future: Double
    /// VIX option volatility at that expiry.
    public var volatility: Double
    /// Long call strike.
    public var longStrike: Double
    /// Short call strike for a spread; `nil` for L3's single call.
    public var shortStrike: Double?
    /// Dollars for one contract (one spread, or one call): `100 × Black-76 price`.
    public var costPerContract: Double
    /// The size limits before the gross cap.
    public var scaleLimit: Int
    public var budgetLimit: Int
    public var capLimit: Int
    /// The gross-cap limit given the layers before it; `nil` when it did not bind.
    public var grossCapLimit: Int?
    /// Contracts to hold.
    public var contracts: Int
    /// `contracts × costPerContract`.
    public var premium: Double
    /// The limit that set ``contracts``.
    public var boundBy: HedgeBound
    /// Trees for the strikes, the cost per contract and the contracts.
    public var strikeExplanation: Explanation
    public var costExplanation: Explanation
    public var explanation: Explanation

    /// The instrument in words: `VIX 21/31 call spread, 30 DTE`.
    public var instrument: String {
        let k = SizingText.plain(longStrike, 0)
        if let s = shortStrike { return "VIX \(k)/\(SizingText.plain(s, 0)) call spread, \(dte) DTE" }
        return "VIX \(k) call, \(dte) DTE"
    }
}

/// All three layers sized together, with the gross cap applied.
public struct HedgePlan: Sendable, Equatable, Codable {
    /// L1, L2, L3 in order.
    public var layers: [HedgeLayer]
    /// Equity the plan was sized for.
    public var equity: Double
    /// The martingale step the scale rule used.
    public var step: Int
    /// `40 × equity / 2,000,000 × (m2 × … × mk)`.
    public var contractsPerUnit: Double
    /// `gross cap × equity`.
    public var grossCapAmount: Double
    /// Sum of the layers' premium; never more than ``grossCapAmount``.
    public var totalPremium: Double
    /// Trees for the contracts per unit and the total premium.
    public var perUnitExplanation: Explanation
    public var explanation: Explanation

    /// The layer of `kind`.
    public func layer(_ kind: HedgeLayerKind) -> HedgeLayer { layers[kind.rawValue] }
}
