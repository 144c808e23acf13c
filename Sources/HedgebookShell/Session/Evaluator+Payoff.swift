import HedgebookModel

extension Evaluator {
    /// The spot–vol elasticity the risk graph uses to move VIX with SPX (`V × (S/S₀)^β`).
    static let payoffElasticity = -5.0

    /// The planned condor (sized at the current step; one contract before an account) and the
    /// planned hedge layers, valued against SPX.
    static func payoffProfile(_ state: SessionState) throws(CommandFailure) -> (PayoffProfile, ChartData) {
        let sized = try buildCondor(state)
        let c = sized.condor
        let contracts = max(sized.sizing?.contracts ?? 1, 1)
        var layers: [HedgeLayer] = []
        if state.account.hasAccount {
            layers = ((try? state.account.hedgePlan(market: state.market, sizing: state.sizing, hedge: state.hedge))?.layers ?? [])
                .filter { $0.contracts > 0 }
        }
        let scale = c.underlying == .xsp ? 10.0 : 1
        let span = (c.longCall - c.longPut) * scale
        let range = (c.longPut * scale - 0.35 * span)...(c.longCall * scale + 0.35 * span)
        let profile = PayoffProfile(market: state.market, condor: c, contracts: contracts, layers: layers,
                                    elasticity: payoffElasticity, range: range)
        let hedges = layers.map { "\($0.kind.label) ×\($0.contracts)" }.joined(separator: ", ")
        let title = "planned \(c.underlying.ticker) iron condor ×\(contracts)"
            + (hedges.isEmpty ? "" : " + hedges \(hedges)") + " · \(c.dte) DTE"
            + (sized.sizing == nil ? " (1 contract: no account yet)" : "")
        var markers = profile.breakEvens.map { ChartData.Marker(symbol: "B", label: "break-even", x: $0) }
        markers += profile.shortStrikes.map { ChartData.Marker(symbol: "K", label: "short strike", x: $0) }
        markers.append(ChartData.Marker(symbol: "S", label: "spot \(Fmt.level(profile.spot))", x: profile.spot))
        let chart = ChartData(title: title, xLabel: "SPX", x: profile.spx,
                              series: [("at expiry", profile.expiry), ("today (T+0)", profile.today)], markers: markers)
        return (profile, chart)
    }

    /// `payoff`: the risk graph in text, Unicode unless `unicode` is false.
    static func payoffReport(_ state: SessionState, unicode: Bool = true, width: Int = 80) throws(CommandFailure) -> Report {
        let (p, chart) = try payoffProfile(state)
        var text = AsciiChart.render(chart, width: width, height: 20, unicode: unicode)
        let bes = p.breakEvens.map { Fmt.fixed($0, 2) }.joined(separator: ", ")
        text += "\nat expiry: best \(Fmt.pnl(p.expiry.max() ?? 0)), worst \(Fmt.pnl(p.expiry.min() ?? 0)) on this range"
            + " · break-evens \(bes.isEmpty ? "none" : bes)"
        text += "\nVIX moves with SPX as V × (S/S₀)^\(Fmt.plain(payoffElasticity, decimals: 1)); planned positions, not open ones"
        let result: [(String, JSONValue)] = [
            ("spx", .array(p.spx.map { .num($0) })), ("expiry", .array(p.expiry.map { .num($0) })),
            ("today", .array(p.today.map { .num($0) })), ("breakEvens", .array(p.breakEvens.map { .num($0) })),
            ("shortStrikes", .array(p.shortStrikes.map { .num($0) })), ("spot", .num(p.spot)),
            ("title", .string(chart.title)),
        ]
        return Report(text: text, result: result)
    }
}
