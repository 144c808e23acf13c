/// Net P&L of open positions over a grid of SPX moves (rows) and VIX levels (columns).
///
/// Each cell is the ``ScenarioPnL`` net of the same positions at that move and level, computed
/// the same way, so a cell equals the equivalent `shock` exactly. The value now is computed once.
public struct PnLGrid: Sendable, Equatable {
    /// SPX moves as fractions, one per row.
    public var spxMoves: [Double]
    /// VIX levels, one per column.
    public var vixLevels: [Double]
    /// Days from the session date.
    public var days: Int
    /// `pnl[row][column]`: net P&L in dollars.
    public var pnl: [[Double]]

    /// The most cells a grid may have.
    public static let maximumCells = 10_000

    /// Evaluates the grid; throws on an invalid market, move, level or horizon.
    public init(
        positions: [Position], market: Market, date: CalendarDate,
        spxMoves: [Double], vixLevels: [Double], days: Int
    ) throws(ModelError) {
        try market.validate()
        guard !spxMoves.isEmpty, !vixLevels.isEmpty, spxMoves.count * vixLevels.count <= Self.maximumCells else {
            throw .outOfRange(quantity: "grid cells", value: Double(spxMoves.count * vixLevels.count),
                              valid: "1 to \(Self.maximumCells)")
        }
        for m in spxMoves { try Scenario(spxMove: m, days: days).validate() }
        for v in vixLevels { try Scenario(vix: v, days: days).validate() }
        let now = positions.map { $0.value(market: market, on: date) }
        let later = date.adding(days: days)
        var rows: [[Double]] = []
        rows.reserveCapacity(spxMoves.count)
        for move in spxMoves {
            var row: [Double] = []
            row.reserveCapacity(vixLevels.count)
            for vix in vixLevels {
                let after = market.shocked(spxMove: move, vix: vix)
                try after.validate()
                var net = 0.0
                for (i, p) in positions.enumerated() { net += p.value(market: after, on: later) - now[i] }
                row.append(net)
            }
            rows.append(row)
        }
        self.spxMoves = spxMoves
        self.vixLevels = vixLevels
        self.days = days
        self.pnl = rows
    }
}
