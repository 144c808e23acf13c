/// The risk budget of one step of the modified martingale (METHOD §5).
///
/// ```
/// budget = base$ × m2 × … × mk          (uncapped)
/// cap    = cap × current equity         (a limit on capital at risk: contracts × max loss)
/// ```
/// The budget is not capped: the cap limits the contracts by their max loss (``SizingResult``),
/// because a stop is not a guarantee and a gap opens through it.
public struct RiskBudget: Sendable, Equatable, Codable {
    /// The step, 1-based.
    public var step: Int
    /// `base$` of the cycle.
    public var base: Double
    /// `m2 × … × mk` (1 at step 1).
    public var multiplierProduct: Double
    /// `base$ × m2 × … × mk` (the same as ``amount``: the budget is uncapped).
    public var uncapped: Double
    /// `cap × current equity`: the most capital at risk (contracts × max loss) a trade may hold.
    public var capAmount: Double
    /// The budget: `base$ × m2 × … × mk`.
    public var amount: Double
    /// The `cap` setting and the equity ``capAmount`` came from.
    public var cap: Double
    public var equity: Double
    /// `m2 … mk`, the multipliers whose product is ``multiplierProduct`` (empty at step 1).
    public var multipliers: [Double]

    /// The tree behind ``amount``, built when asked for (`why`, a sizing's tree): a budget is
    /// made for every account line, and most are never explained.
    public var explanation: Explanation {
        let productRule = step == 1 ? "1 at step 1" : multipliers.map { SizingText.plain($0, 4) }.joined(separator: " × ")
        return Explanation(
            "risk budget", uncapped, .dollars, rule: "base$ × m2 × … × m\(step)",
            inputs: [
                .input("base$", base, .dollars, source: "base% × equity at cycle start"),
                Explanation(
                    "multiplier product", multiplierProduct, .ratio, rule: productRule,
                    inputs: [.input("step", Double(step), .count, source: "the martingale's current step")]),
            ])
    }
    /// The tree behind ``capAmount``.
    public var capExplanation: Explanation {
        Explanation(
            "cap on capital at risk", capAmount, .dollars, rule: "cap × current equity",
            inputs: [
                .input("cap", cap, .percent, source: "setting"),
                .input("equity", equity, .dollars, source: "current equity (realised)"),
            ],
            note: "limits contracts × max loss, not the budget")
    }

    /// The budget at `step` for a cycle whose base is `base` dollars, at `equity` now.
    public init(step: Int, base: Double, equity: Double, settings: SizingSettings) throws(ModelError) {
        try settings.validate()
        _ = try Validate.positive(base, "base risk in dollars")
        guard equity > 0, equity.isFinite else {
            throw .unavailable("the equity is \(SizingText.dollars(equity)): nothing can be sized until `account X` or a deposit")
        }
        guard (1...settings.steps).contains(step) else {
            throw .outOfRange(quantity: "step", value: Double(step), valid: "1 to \(settings.steps)")
        }
        let product = Self.multiplierProduct(step: step, settings: settings)
        let uncapped = base * product
        let capAmount = settings.cap * equity
        self.step = step
        self.base = base
        self.multiplierProduct = product
        self.uncapped = uncapped
        self.capAmount = capAmount
        self.amount = uncapped
        self.cap = settings.cap
        self.equity = equity
        self.multipliers = (1..<max(step, 1)).map { settings.multiplier(into: $0 + 1) }
    }

    /// `m2 × … × mk` for `step` k (1 at step 1).
    public static func multiplierProduct(step: Int, settings: SizingSettings) -> Double {
        var p = 1.0
        if step >= 2 { for j in 2...step { p *= settings.multiplier(into: j) } }
        return p
    }
}

extension MartingaleState {
    /// The risk budget of the next trade: this cycle's base at the current step and equity.
    public func riskBudget(settings: SizingSettings) throws(ModelError) -> RiskBudget {
        guard hasAccount else { throw .unavailable("no account yet: record `account X` first") }
        return try RiskBudget(
            step: min(max(step, 1), settings.steps), base: cycleBase, equity: equity, settings: settings)
    }
}
