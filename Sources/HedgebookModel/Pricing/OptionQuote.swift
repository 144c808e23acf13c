/// Call or put.
public enum OptionKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case call, put
}

/// A model price with its greeks, per unit of the underlying (a contract is 100 units).
public struct OptionQuote: Sendable, Equatable, Codable {
    /// Premium per unit.
    public var price: Double
    /// ∂price/∂underlying (for VIX options, ∂price/∂future).
    public var delta: Double
    /// ∂²price/∂underlying².
    public var gamma: Double
    /// Price change per volatility point (per 0.01 of σ).
    public var vega: Double
    /// Price change per calendar day.
    public var theta: Double
    /// The volatility used.
    public var volatility: Double

    public init(price: Double, delta: Double, gamma: Double, vega: Double, theta: Double, volatility: Double) {
        self.price = price
        self.delta = delta
        self.gamma = gamma
        self.vega = vega
        self.theta = theta
        self.volatility = volatility
    }
}
