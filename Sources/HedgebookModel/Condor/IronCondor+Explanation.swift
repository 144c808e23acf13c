extension IronCondor {
    /// The condor's numbers that `why` can explain.
    public enum Figure: String, Sendable, CaseIterable, Codable {
        case shortPut, longPut, shortCall, longCall, credit, maxLoss, lowerBreakEven, upperBreakEven
        case probabilityOfProfit, probabilityOfMaxLoss, touchShortPut, touchShortCall, returnOnRisk
    }

    /// Every figure's explanation.
    public var explanations: [Figure: Explanation] {
        Dictionary(uniqueKeysWithValues: Figure.allCases.map { ($0, explanation(of: $0)) })
    }

    /// The rule and inputs behind one figure, built on demand (building the condor stays fast).
    public func explanation(of figure: Figure) -> Explanation {
        let dollars = QuantityUnit.dollars
        switch figure {
        case .shortPut: return explainShortStrike(.put)
        case .shortCall: return explainShortStrike(.call)
        case .longPut:
            return Explanation("long put", longPut, .points, rule: "short put − width",
                               inputs: [summary(of: .shortPut), widthInput])
        case .longCall:
            return Explanation("long call", longCall, .points, rule: "short call + width",
                               inputs: [summary(of: .shortCall), widthInput])
        case .credit:
            let model = Explanation(
                "model credit per contract", modelCredit, dollars,
                rule: "100 × (put(Ksp) − put(Klp) + call(Ksc) − call(Klc)), model prices",
                inputs: [(OptionKind.put, shortPut), (.put, longPut), (.call, shortCall), (.call, longCall)].map {
                    OptionPricer.explainIndexPrice(
                        $0.0, strike: $0.1, price: pricing.quote($0.0, strike: $0.1).price, pricing: pricing)
                })
            guard slippage != 0 || feePerLeg != 0 else {
                var same = model
                same.name = "credit per contract"
                return same
            }
            return Explanation(
                "credit per contract", credit, dollars,
                rule: "100 × (Σ shorts max(0, mid − slippage) − Σ longs (mid + slippage)) − 4 × fees, as filled",
                inputs: [
                    model,
                    .input("slippage per leg", slippage, .points, source: "setting (XSP takes a tenth)"),
                    .input("fees per contract per leg", feePerLeg, dollars, source: "setting"),
                ])
        case .maxLoss:
            return Explanation("max loss per contract", maxLoss, dollars, rule: "100 × width − credit",
                               inputs: [widthInput, summary(of: .credit)])
        case .lowerBreakEven:
            return Explanation("lower break-even", lowerBreakEven, .points, rule: "Ksp − credit/100",
                               inputs: [summary(of: .shortPut), summary(of: .credit)])
        case .upperBreakEven:
            return Explanation("upper break-even", upperBreakEven, .points, rule: "Ksc + credit/100",
                               inputs: [summary(of: .shortCall), summary(of: .credit)])
        case .probabilityOfProfit:
            return Explanation(
                "probability of profit", probabilityOfProfit, .probability,
                rule: "P(lower BE < S_T < upper BE) = N(z(upper BE)) − N(z(lower BE)), " + Self.zRule,
                inputs: [summary(of: .lowerBreakEven), summary(of: .upperBreakEven)] + distributionInputs)
        case .probabilityOfMaxLoss:
            return Explanation(
                "probability of max loss", probabilityOfMaxLoss, .probability,
                rule: "P(S_T ≤ Klp or S_T ≥ Klc) = N(z(Klp)) + N(−z(Klc)), " + Self.zRule,
                inputs: [summary(of: .longPut), summary(of: .longCall)] + distributionInputs)
        case .touchShortPut:
            return Explanation(
                "probability of touching the short put", touchShortPut, .probability,
                rule: "P(min S_t ≤ H) = N((b − μT)/(σ√T)) + (H/S)^{2μ/σ²} N((b + μT)/(σ√T)), "
                    + "H = short put, b = ln(H/S), μ = r − q − σ²/2, σ = σ_atm",
                inputs: [summary(of: .shortPut)] + distributionInputs)
        case .touchShortCall:
            return Explanation(
                "probability of touching the short call", touchShortCall, .probability,
                rule: "P(max S_t ≥ H) = N((−b + μT)/(σ√T)) + (H/S)^{2μ/σ²} N((−b − μT)/(σ√T)), "
                    + "H = short call, b = ln(H/S), μ = r − q − σ²/2, σ = σ_atm",
                inputs: [summary(of: .shortCall)] + distributionInputs)
        case .returnOnRisk:
            return Explanation("return on risk", returnOnRisk, .percent, rule: "credit / max loss",
                               inputs: [summary(of: .credit), summary(of: .maxLoss)])
        }
    }

    /// Another figure as an input: its value and rule, without its own inputs (its own
    /// ``explanation(of:)`` has them), so that each tree stays short enough to read.
    public func summary(of figure: Figure) -> Explanation {
        var e = explanation(of: figure)
        e.inputs = []
        return e
    }

    static let zRule = "z(x) = (ln(x/S) − (r − q − σ_atm²/2)T) / (σ_atm√T)"

    private var widthInput: Explanation { .input("width", width, .points, source: "setting") }

    private var distributionInputs: [Explanation] {
        let market = pricing.market
        return [
            OptionPricer.explainLevel(underlying, market: market), OptionPricer.explainRate(market),
            .input("q (dividend yield)", market.dividendYield, .percent, source: "setting"),
            OptionPricer.explainAtmVolatility(market), OptionPricer.explainYears(dte: dte),
        ]
    }

    /// The short strike's search: the rule, `S`, `δ`, the chosen strike's delta and its neighbours'.
    private func explainShortStrike(_ kind: OptionKind) -> Explanation {
        let strike = kind == .put ? shortPut : shortCall
        let step = underlying.strikeStep
        let rule = kind == .put
            ? "the listed strike below S whose put delta, at its own σ(K), is closest to −δ (a tie goes to the lower strike)"
            : "the listed strike above S whose call delta, at its own σ(K), is closest to +δ (a tie goes to the higher strike)"
        let neighbours = [strike - step, strike + step]
            .filter { kind == .put ? ($0 > 0 && $0 < spot) : $0 > spot }
            .map { "\(ModelFormat.plain($0)) → \(ModelFormat.fixed(pricing.delta(kind, strike: $0), decimals: 4))" }
        let deltaRule = kind == .put ? "Δput = −e^{−qT} N(−d1)" : "Δcall = e^{−qT} N(d1)"
        return Explanation(
            kind == .put ? "short put" : "short call", strike, .points, rule: rule,
            inputs: [
                OptionPricer.explainLevel(underlying, market: pricing.market),
                .input("δ (short delta)", delta, .ratio, source: "setting"),
                Explanation("\(kind.rawValue) delta at \(ModelFormat.plain(strike))", pricing.delta(kind, strike: strike),
                            .ratio, rule: deltaRule,
                            inputs: [OptionPricer.explainVolatility(strike: strike, pricing: pricing)]),
            ],
            note: neighbours.isEmpty ? nil : "neighbouring strikes: " + neighbours.joined(separator: ", "))
    }
}
