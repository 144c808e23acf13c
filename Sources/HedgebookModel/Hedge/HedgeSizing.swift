#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension HedgePlan {
    /// Sizes L1, L2 and L3 for `equity` at martingale `step` in `market` (METHOD §6).
    ///
    /// ```
    /// per unit  = 40 × equity / 2,000,000 × (m2 × … × mk)
    /// contracts = min(floor(units × per unit), floor(budget × equity / cost), floor(cap × equity / cost))
    /// cost      = 100 × fill: long call at mid + slippage, less the short call at max(0, mid − slippage)
    ///             (Black-76 mids on F_vix(DTE), σ_v(DTE), r; fees excluded: the budget is premium at risk)
    /// ```
    /// The step ratio uses the *uncapped* budgets, `budget_k / budget_1 = m2 × … × mk`, so the
    /// hedge follows the progression even when the steward's cap holds the condor back.
    /// The gross cap (18 % of equity) is then applied in layer order: L1 takes its premium
    /// first, then L2, then L3, so the later layers are the ones reduced. Strikes are
    /// `ceil(F × factor)` with a 1e-9 tolerance, so `F × 1.10 = 22.000000000000004` is 22.
    public init(
        market: Market, equity: Double, step: Int, sizing: SizingSettings, hedge: HedgeSettings,
        slippage: Double = 0
    ) throws(ModelError) {
        try market.validate()
        try sizing.validate()
        try hedge.validate()
        _ = try Validate.positive(equity, "equity")
        guard (1...sizing.steps).contains(step) else {
            throw .outOfRange(quantity: "step", value: Double(step), valid: "1 to \(sizing.steps)")
        }
        guard hedge.units.count == 3, hedge.budgets.count == 3, hedge.dte.count == 3 else {
            throw .outOfRange(
                quantity: "hedge layers", value: Double(hedge.units.count), valid: "3 (L1, L2, L3)")
        }
        let ratio = RiskBudget.multiplierProduct(step: step, settings: sizing)
        let perUnit = hedge.contractsPerUnitAtReference * equity / hedge.referenceEquity * ratio
        let perUnitX = Explanation(
            "contracts per unit", perUnit, .ratio, rule: "40 × equity / 2,000,000 × (budget at step k / budget at step 1)",
            inputs: [
                .input("contracts per unit at the reference", hedge.contractsPerUnitAtReference, .contracts, source: "setting"),
                .input("equity", equity, .dollars),
                .input("reference sleeve", hedge.referenceEquity, .dollars, source: "setting"),
                .input("m2 × … × m\(step) (uncapped budget ratio)", ratio, .ratio, source: "step \(step)"),
            ])
        var layers: [HedgeLayer] = []
        var remaining = hedge.grossCap * equity
        for kind in HedgeLayerKind.allCases {
            var layer = try Self.size(
                kind, market: market, equity: equity, perUnit: perUnit, sizing: sizing, hedge: hedge, slippage: slippage)
            let room = SizingResult.wholeUnits(remaining, per: layer.costPerContract)
            if room < layer.contracts {
                layer.grossCapLimit = room
                layer.contracts = room
                layer.premium = Double(room) * layer.costPerContract
                layer.boundBy = .grossCap
                layer.explanation = Self.explainContracts(layer, perUnit: perUnit, equity: equity, sizing: sizing, hedge: hedge)
            }
            remaining = max(0, remaining - layer.premium)
            layers.append(layer)
        }
        let total = layers.reduce(0) { $0 + $1.premium }
        self.layers = layers
        self.equity = equity
        self.step = step
        self.contractsPerUnit = perUnit
        self.grossCapAmount = hedge.grossCap * equity
        self.totalPremium = total
        self.perUnitExplanation = perUnitX
        self.explanation = Explanation(
            "hedge premium", total, .dollars, rule: "L1 + L2 + L3 premium, at most gross cap × equity",
            inputs: layers.map(\.explanation) + [
                .input("gross cap", hedge.grossCap, .percent, source: "setting"),
            ],
            note: layers.contains { $0.boundBy == .grossCap }
                ? "the \(SizingText.percent(hedge.grossCap)) gross cap binds; later layers are reduced first" : nil)
    }

    static func size(
        _ kind: HedgeLayerKind, market: Market, equity: Double, perUnit: Double,
        sizing: SizingSettings, hedge: HedgeSettings, slippage: Double = 0
    ) throws(ModelError) -> HedgeLayer {
        let i = kind.rawValue
        let dte = hedge.dte[i]
        let f = market.vixFuture(dte: dte)
        let vol = market.vixOptionVolatility(dte: dte)
        let t = Double(dte) / 365
        let factor = kind.isSpread ? hedge.spreadStrikeFactor : hedge.anchorStrikeFactor
        let long = ceil(f * factor - 1e-9)
        let short: Double? = kind.isSpread ? long + hedge.spreadWidth : nil
        let longPrice = try Black76.checkedQuote(.call, forward: f, strike: long, years: t, rate: market.rate, volatility: vol).price
        var unit = longPrice + slippage
        if let short {
            let mid = try Black76.checkedQuote(.call, forward: f, strike: short, years: t, rate: market.rate, volatility: vol).price
            unit -= max(0, mid - slippage)
        }
        let cost = 100 * unit
        guard cost.isFinite, cost >= 0.01 else {
            throw .unavailable("\(kind.label) costs less than a cent at the model's prices: it cannot be sized by budget")
        }
        let fX = market.explainVixFuture(dte: dte)
        let strikeX = Explanation(
            "\(kind.label) long strike", long, .points, rule: "ceil(F × \(SizingText.plain(factor, 4)))",
            inputs: [fX], note: short.map { "short strike \(SizingText.plain($0, 0)) = long + \(SizingText.plain(hedge.spreadWidth))" })
        let volX = Explanation(
            "σ_v \(dte)d", vol, .volatility, rule: "(W/100) · (30/DTE)^0.35",
            inputs: [.input("VVIX", market.vvix, .index), .input("DTE", Double(dte), .days)])
        let costX = Explanation(
            "\(kind.label) cost per contract", cost, .dollars,
            rule: kind.isSpread ? "100 × (Black-76 call(long) + slippage − max(0, call(short) − slippage))"
                : "100 × (Black-76 call + slippage)",
            inputs: [strikeX, fX, volX, .input("r", market.rate, .percent),
                     .input("slippage per leg", slippage, .points, source: "setting")])
        let scale = SizingResult.wholeUnits(hedge.units[i] * perUnit, per: 1)
        let budget = SizingResult.wholeUnits(hedge.budgets[i] * equity, per: cost)
        let cap = SizingResult.wholeUnits(sizing.cap * equity, per: cost)
        let n = min(scale, budget, cap)
        let bound: HedgeBound = n == scale ? .scale : (n == budget ? .budget : .cap)
        var layer = HedgeLayer(
            kind: kind, dte: dte, future: f, volatility: vol, longStrike: long, shortStrike: short,
            costPerContract: cost, scaleLimit: scale, budgetLimit: budget, capLimit: cap, grossCapLimit: nil,
            contracts: n, premium: Double(n) * cost, boundBy: bound,
            strikeExplanation: strikeX, costExplanation: costX, explanation: costX)
        layer.explanation = explainContracts(layer, perUnit: perUnit, equity: equity, sizing: sizing, hedge: hedge)
        return layer
    }
}

extension MartingaleState {
    /// The hedge plan for this account's equity at its current step.
    public func hedgePlan(
        market: Market, sizing: SizingSettings, hedge: HedgeSettings, slippage: Double = 0
    ) throws(ModelError) -> HedgePlan {
        guard hasAccount else { throw .unavailable("no account yet: record `account X` first") }
        return try HedgePlan(market: market, equity: equity, step: min(max(step, 1), sizing.steps), sizing: sizing,
                             hedge: hedge, slippage: slippage)
    }
}
