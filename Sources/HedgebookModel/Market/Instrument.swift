/// An option underlying the method trades: SPX or XSP index options, or VIX options.
public enum Underlying: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case spx, xsp, vix

    /// Units of the underlying per contract.
    public var multiplier: Double { 100 }

    /// Distance between listed strikes, in index points.
    public var strikeStep: Double {
        switch self {
        case .spx: return 5
        case .xsp, .vix: return 1
        }
    }

    /// The underlying level given SPX: XSP is SPX / 10.
    public func level(spx: Double) -> Double { self == .xsp ? spx / 10 : spx }

    /// The default condor wing width in points (METHOD §4).
    public var defaultWidth: Double { self == .xsp ? 5 : 50 }

    /// Upper-case ticker for display.
    public var ticker: String { rawValue.uppercased() }
}
