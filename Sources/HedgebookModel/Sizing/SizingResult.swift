/// How many condors the risk budget buys (METHOD §5).
///
/// ```
/// risk per contract = min(stop_k × credit, max loss)   (stop set)
///                   = max loss                         (stops none)
/// contracts         = floor(risk budget / risk per contract)
/// ```
/// A stop that would lose more than the max loss cannot: the max loss is then the risk.
/// `floor` forgives binary rounding of 1e-12 (relative), so `contracts × risk per contract`
/// never exceeds the budget by more than that.
/// The gap risk (the max loss, what a gap through the stop costs) is always reported beside it.
/// Zero contracts is a finding (``cannotBuyOne`` and ``finding``), not an error.
public struct SizingResult: Sendable, Equatable, Codable {
    /// The budget sized against.
    public var budget: RiskBudget
    /// Credit per contract in dollars.
    public var credit: Double
    /// The stop at this step as a fraction of the credit, or `nil` when stops are off.
    public var stop: Double?
    /// Dollars one contract risks under the rule above.
    public var riskPerContract: Double
    /// Max loss per contract: what a gap through the stop costs.
    public var gapRiskPerContract: Double
    /// Whole contracts the budget buys.
    public var contracts: Int
    /// `contracts × risk per contract`; never more than the budget.
    public var totalRisk: Double
    /// `contracts × max loss`.
    public var totalGapRisk: Double
    /// Whether the budget cannot buy one contract.
    public var cannotBuyOne: Bool { contracts == 0 }
    /// What the tool says when the budget buys nothing, else `nil`.
    public var finding: String?
    /// Trees behind ``contracts``, ``riskPerContract`` and ``gapRiskPerContract``.
    public var explanation: Explanation
    public var riskPerContractExplanation: Explanation
    public var gapRiskExplanation: Explanation

    /// Sizes a condor with `credit` and `maxLoss` per contract (dollars) against `budget`.
    public init(budget: RiskBudget, credit: Double, maxLoss: Double, settings: SizingSettings) throws(ModelError) {
        try settings.validate()
        _ = try Validate.positive(credit, "credit per contract")
        _ = try Validate.positive(maxLoss, "max loss per contract")
        self.budget = budget
        self.credit = credit
        self.gapRiskPerContract = maxLoss
        let stop = settings.stop(at: budget.step)
        self.stop = stop
        let gapX = Explanation(
            "gap risk per contract", maxLoss, .dollars, rule: "max loss = 100 × width − credit",
            inputs: [.input("max loss", maxLoss, .dollars, source: "the condor")])
        self.gapRiskExplanation = gapX
        if let stop {
            let stopped = stop * credit
            self.riskPerContract = min(stopped, maxLoss)
            self.riskPerContractExplanation = Explanation(
                "risk per contract", riskPerContract, .dollars,
                rule: "min(stop \(SizingText.percent(stop)) × credit, max loss)",
                inputs: [
                    .input("stop at step \(budget.step)", stop, .percent, source: "setting"),
                    .input("credit", credit, .dollars, source: "the condor"),
                    gapX,
                ],
                note: stopped > maxLoss ? "the stop is beyond the max loss, so the max loss is the risk" : nil)
        } else {
            self.riskPerContract = maxLoss
            self.riskPerContractExplanation = Explanation(
                "risk per contract", maxLoss, .dollars, rule: "max loss (stops none)", inputs: [gapX])
        }
        let n = Self.wholeUnits(budget.amount, per: riskPerContract)
        self.contracts = n
        self.totalRisk = Double(n) * riskPerContract
        self.totalGapRisk = Double(n) * maxLoss
        self.finding = n > 0 ? nil
            : "the \(SizingText.dollars(budget.amount)) budget cannot buy one contract risking "
                + "\(SizingText.dollars(riskPerContract)): XSP (a tenth of the size) or a narrower wing would"
        self.explanation = Explanation(
            "contracts", Double(n), .contracts, rule: "floor(risk budget / risk per contract)",
            inputs: [budget.explanation, riskPerContractExplanation],
            note: finding ?? "gap risk \(SizingText.dollars(totalGapRisk)) if the market gaps through the stop")
    }

    /// `floor(amount / per)`: the largest `n` with `n × per ≤ amount`, where a product within
    /// 1e-12 (relative) of the amount counts as equal, so a budget that is exactly `n` contracts
    /// in decimal (`0.3` for three of `0.1`) buys `n` despite binary rounding.
    static func wholeUnits(_ amount: Double, per: Double) -> Int {
        guard amount > 0, per > 0, amount.isFinite, per.isFinite else { return 0 }
        let limit = amount * (1 + 1e-12)
        let q = amount / per
        guard q < 1e15 else { return Int(1e15) }
        var n = Int(q)  // truncation: the floor, since q > 0
        // Usually already right: the loops only run when rounding or the tolerance moves `n`.
        if n > 0 && Double(n) * per > limit {
            repeat { n -= 1 } while n > 0 && Double(n) * per > limit
        }
        if Double(n + 1) * per <= limit {
            repeat { n += 1 } while Double(n + 1) * per <= limit
        }
        return n
    }
}

extension MartingaleState {
    /// Sizes the next trade: the current step's budget against the condor's credit and max loss.
    public func size(credit: Double, maxLoss: Double, settings: SizingSettings) throws(ModelError) -> SizingResult {
        try SizingResult(budget: riskBudget(settings: settings), credit: credit, maxLoss: maxLoss, settings: settings)
    }
}
