extension HedgePlan {
    /// The tree behind a layer's contracts, with the sentence a trader reads:
    /// `8 contracts: scale rule 4 units × 2 per unit; the 1.2% budget would allow 15`.
    static func explainContracts(
        _ layer: HedgeLayer, perUnit: Double, equity: Double, sizing: SizingSettings, hedge: HedgeSettings
    ) -> Explanation {
        let i = layer.kind.rawValue
        let units = hedge.units[i]
        let cost = SizingText.dollars(layer.costPerContract)
        let scaleX = Explanation(
            "scale limit", Double(layer.scaleLimit), .contracts, rule: "floor(units × contracts per unit)",
            inputs: [
                .input("units", units, .count, source: "setting (4/4/2)"),
                .input("contracts per unit", perUnit, .ratio, source: "40 × equity / 2,000,000 × (m2 × … × mk)"),
            ])
        let budgetX = Explanation(
            "budget limit", Double(layer.budgetLimit), .contracts, rule: "floor(layer budget × equity / cost)",
            inputs: [
                .input("layer budget", hedge.budgets[i], .percent, source: "setting"),
                .input("equity", equity, .dollars),
                layer.costExplanation,
            ])
        let capX = Explanation(
            "cap limit", Double(layer.capLimit), .contracts, rule: "floor(per-layer cap × equity / cost)",
            inputs: [.input("per-layer cap", sizing.cap, .percent, source: "setting"), .input("equity", equity, .dollars)])
        var inputs = [scaleX, budgetX, capX]
        if let g = layer.grossCapLimit {
            inputs.append(Explanation(
                "gross cap limit", Double(g), .contracts,
                rule: "floor(room left under gross cap × equity after earlier layers / cost)",
                inputs: [.input("gross cap", hedge.grossCap, .percent, source: "setting")]))
        }
        let phrases: [(HedgeBound, String)] = [
            (.scale, "the scale rule would allow \(layer.scaleLimit)"),
            (.budget, "the \(SizingText.percent(hedge.budgets[i])) budget would allow \(layer.budgetLimit)"),
            (.cap, "the \(SizingText.percent(sizing.cap)) cap would allow \(layer.capLimit)"),
        ]
        let lead: String
        switch layer.boundBy {
        case .scale: lead = "scale rule \(SizingText.plain(units)) units × \(SizingText.plain(perUnit)) per unit"
        case .budget: lead = "the \(SizingText.percent(hedge.budgets[i])) budget at \(cost) each"
        case .cap: lead = "the \(SizingText.percent(sizing.cap)) per-layer cap at \(cost) each"
        case .grossCap: lead = "the \(SizingText.percent(hedge.grossCap)) gross cap, after the earlier layers"
        }
        let others = phrases.filter { $0.0 != layer.boundBy }.map(\.1)
        let note = "\(layer.contracts) contracts: \(lead); " + others.joined(separator: "; ")
        return Explanation(
            "\(layer.kind.label) contracts", Double(layer.contracts), .contracts,
            rule: "min(scale, budget, cap)" + (layer.grossCapLimit == nil ? "" : ", then the gross cap"),
            inputs: inputs, note: note)
    }
}
