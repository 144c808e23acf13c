#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A what-if: SPX moved by a fraction, VIX at a level (or moved by the spot–vol rule), some days on.
public struct Scenario: Sendable, Equatable {
    /// SPX move as a fraction: −0.08 for −8 %.
    public var spxMove: Double
    /// VIX level after the move; `nil` derives it with a ``SpotVolRule``.
    public var vix: Double?
    /// Calendar days from the session date.
    public var days: Int

    public init(spxMove: Double = 0, vix: Double? = nil, days: Int = 0) {
        self.spxMove = spxMove
        self.vix = vix
        self.days = days
    }

    /// Checks the move (more than −100 %), the VIX level and the horizon (0 to 3650 days).
    public func validate() throws(ModelError) {
        _ = try Validate.finite(spxMove, "SPX move")
        guard spxMove > -1 else {
            throw .outOfRange(quantity: "SPX move", value: spxMove * 100, valid: "more than -100%")
        }
        if let vix {
            _ = try Validate.inRange(vix, 0.01...1000, "VIX level", valid: "between 0.01 and 1000")
        }
        guard (0...OptionPricer.maximumDTE).contains(days) else {
            throw .outOfRange(quantity: "days ahead", value: Double(days), valid: "0 to \(OptionPricer.maximumDTE)")
        }
    }
}

extension Market {
    /// The market after SPX moves by `spxMove` and VIX goes to `vix`; nothing else changes.
    ///
    /// ```
    /// S' = S × (1 + move)
    /// F'_quoted(DTE) = F_quoted(DTE) + (V' − V)·e^{−κ·DTE/365}     (floored at 0.01)
    /// ```
    /// A quoted VIX future moves by the model curve's own change at its expiry, so a shock to
    /// VIX reaches quoted expiries too. The skew stays sticky to moneyness (σ depends on K/F).
    public func shocked(spxMove: Double, vix newVix: Double) -> Market {
        var m = self
        m.spx = spx * (1 + spxMove)
        if newVix != vix, !vixFutureQuotes.isEmpty {
            for (dte, q) in vixFutureQuotes {
                m.vixFutureQuotes[dte] = max(0.01, q + (newVix - vix) * exp(-vixSpeed * Double(dte) / 365))
            }
        }
        m.vix = newVix
        return m
    }
}

/// The P&L of open positions under one scenario, position by position.
public struct ScenarioPnL: Sendable, Equatable {
    /// The market and date the positions were revalued at.
    public var market: Market
    public var date: CalendarDate
    /// Value in the scenario minus value now, per position, in the order given.
    public var pnl: [Double]
    /// The sum of ``pnl``.
    public var net: Double

    /// Revalues `positions` under `scenario`, against their value now (`market`, `date`).
    ///
    /// ```
    /// P&L = value(S', V', date + days) − value(S, V, date)     per position
    /// ```
    /// A zero move at zero days is exactly zero: both sides are the same computation.
    public init(
        positions: [Position], market: Market, date: CalendarDate, scenario: Scenario, rule: SpotVolRule
    ) throws(ModelError) {
        try market.validate()
        try scenario.validate()
        try rule.validate()
        let vix = scenario.vix ?? rule.vix(from: market.vix, spxMove: scenario.spxMove)
        let after = market.shocked(spxMove: scenario.spxMove, vix: vix)
        try after.validate()
        let later = date.adding(days: scenario.days)
        self.market = after
        self.date = later
        self.pnl = positions.map { $0.value(market: after, on: later) - $0.value(market: market, on: date) }
        self.net = pnl.reduce(0, +)
    }
}
