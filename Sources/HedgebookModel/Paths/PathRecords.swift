/// Why a condor closed on a path (METHOD §9, §12 item 9).
public enum TradeExit: String, Sendable, Equatable, Codable, CaseIterable {
    case expiry, stop, target, time, end
}

/// Why a hedge layer left the book on a path.
public enum LayerExit: String, Sendable, Equatable, Codable, CaseIterable {
    /// Sold with the condor it protects (`hedgeclose withcondor`).
    case withCondor = "withcondor"
    /// Settled at intrinsic value at its expiry.
    case expiry
    /// Its sale value did not exceed its closing fees: closed at zero, no fee (METHOD §12 item 1).
    case writeOff = "writeoff"
    /// Still open on the path's last day: closed there at its open P&L.
    case end
}

/// One condor's life on a path, as the run reports it (METHOD §11 and the `backtest` JSON).
public struct PathTrade: Sendable, Equatable, Codable {
    public var open: CalendarDate
    public var close: CalendarDate
    public var reason: TradeExit
    /// The martingale step it was sized at.
    public var step: Int
    public var contracts: Int
    /// Long put, short put, short call, long call, in the underlying's points.
    public var strikes: [Double]
    /// Total received after the opening fees.
    public var credit: Double
    /// What closing paid before fees (the intrinsic at settlement, 0 if worthless).
    public var closeCost: Double
    /// `credit − closeCost − closing fees`.
    public var pnl: Double
    /// The netted layers' realised P&L, their fees included.
    public var hedgePnl: Double
    /// The condor's opening + closing fees.
    public var fees: Double
    /// The result fed to the martingale: `pnl + hedgePnl` under `netting net`, `pnl` under `condor`.
    public var result: Double
    /// The realised equity after the close.
    public var equity: Double
}

/// One hedge layer's life on a path.
public struct PathLayer: Sendable, Equatable, Codable {
    public var layer: HedgeLayerKind
    public var bought: CalendarDate
    public var sold: CalendarDate
    public var reason: LayerExit
    public var contracts: Int
    /// Long strike and, for a spread, the short strike.
    public var strikes: [Double]
    /// `fill × 100 × contracts`.
    public var premium: Double
    /// Sale fill × 100 × contracts, or the intrinsic at settlement (0 when written off).
    public var proceeds: Double
    /// Opening and closing fees.
    public var fees: Double
    /// `proceeds − premium − fees`.
    public var pnl: Double
}
