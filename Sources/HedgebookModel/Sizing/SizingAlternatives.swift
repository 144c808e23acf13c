/// What a budget that cannot buy one contract would buy instead (METHOD §5: zero contracts is a
/// finding, with advice): the same condor on XSP, and the same underlying with narrower wings.
public struct SizingAlternative: Sendable, Equatable {
    /// "XSP, 5-point wings", "SPX, 25-point wings".
    public var label: String
    /// The condor settings of the alternative.
    public var settings: CondorSettings
    /// Its credit and max loss per contract.
    public var credit: Double
    public var maxLoss: Double
    /// Its size at the same budget.
    public var sizing: SizingResult

    /// The alternatives to `condor` at `budget`, in the order a trader would try them:
    /// XSP first (a tenth of the size, same delta and DTE), then narrower wings of 25, 10 and 5
    /// points (only those narrower than the current width and on the strike grid).
    /// Alternatives the model cannot build (no credit, no strike) are left out.
    public static func alternatives(
        market: Market, condor: CondorSettings, budget: RiskBudget, sizing: SizingSettings,
        fills: TradeSettings = .frictionless
    ) -> [SizingAlternative] {
        var candidates: [(String, CondorSettings)] = []
        if condor.underlying == .spx {
            var xsp = condor
            xsp.underlying = .xsp
            xsp.width = nil
            candidates.append(("XSP, \(ModelFormat.plain(Underlying.xsp.defaultWidth))-point wings", xsp))
        }
        let step = condor.underlying.strikeStep
        for width in [25.0, 10.0, 5.0] where width < condor.effectiveWidth && width >= step {
            var narrow = condor
            narrow.width = width
            candidates.append(("\(condor.underlying.ticker), \(ModelFormat.plain(width))-point wings", narrow))
        }
        return candidates.compactMap { label, settings in
            guard let c = try? IronCondor.build(market: market, settings: settings, fills: fills),
                  let s = try? SizingResult(budget: budget, credit: c.credit, maxLoss: c.maxLoss, settings: sizing)
            else { return nil }
            return SizingAlternative(label: label, settings: settings, credit: c.credit, maxLoss: c.maxLoss, sizing: s)
        }
    }
}
