/// How many condors the risk budget buys, within the cap on capital at risk (METHOD §5).
///
/// ```
/// risk per contract = min(stop_k × credit, max loss)   (stop set)
///                   = max loss                         (stops none)
/// budget contracts  = floor(risk budget / risk per contract)
/// cap contracts     = floor(cap × equity / max loss)
/// contracts         = min(budget contracts, cap contracts)
/// ```
/// A stop that would lose more than the max loss cannot: the max loss is then the risk. The cap
/// is on capital at risk, the max loss (a broker's buying power), because a gap opens through a
/// stop. Each `floor` allows a relative tolerance of 1e-9 (METHOD §12 item 5).
/// The gap risk (the max loss, what a gap through the stop costs) is always reported beside it.
/// Zero contracts is a finding (``cannotBuyOne`` and ``finding``), not an error; so is a credit
/// as filled at or below zero (METHOD §12 item 6).
public struct SizingResult: Sendable, Equatable, Codable {
    /// The budget sized against.
    public var budget: RiskBudget
    /// Credit per contract in dollars (as filled).
    public var credit: Double
    /// The stop at this step as a fraction of the credit, or `nil` when stops are off.
    public var stop: Double?
    /// Dollars one contract risks under the rule above.
    public var riskPerContract: Double
    /// Max loss per contract: what a gap through the stop costs.
    public var gapRiskPerContract: Double
    /// What the budget alone would buy: `floor(risk budget / risk per contract)`.
    public var budgetContracts: Int
    /// What the cap allows: `floor(cap × equity / max loss)`.
    public var capContracts: Int
    /// Contracts: the smaller of the two.
    public var contracts: Int
    /// Whether the cap limited the contracts (it allows fewer than the budget buys).
    public var capBinds: Bool
    /// `contracts × risk per contract`; never more than the budget.
    public var totalRisk: Double
    /// `contracts × max loss`; never more than the cap.
    public var totalGapRisk: Double
    /// Whether no contract could be sized.
    public var cannotBuyOne: Bool { contracts == 0 }
    /// What the tool says when nothing could be sized, else `nil`.
    public var finding: String?
    /// Trees behind ``contracts``, ``riskPerContract`` and ``gapRiskPerContract``.
    public var explanation: Explanation
    public var riskPerContractExplanation: Explanation
    public var gapRiskExplanation: Explanation

    /// Sizes a condor with `credit` and `maxLoss` per contract (dollars) against `budget`.
    public init(budget: RiskBudget, credit: Double, maxLoss: Double, settings: SizingSettings) throws(ModelError) {
        try settings.validate()
        _ = try Validate.finite(credit, "credit per contract")
        _ = try Validate.positive(maxLoss, "max loss per contract")
        self.budget = budget
        self.credit = credit
        self.gapRiskPerContract = maxLoss
        let stop = settings.stop(at: budget.step)
        self.stop = stop
        let gapX = Explanation(
            "gap risk per contract", maxLoss, .dollars, rule: "max loss = 100 × width − credit as filled",
            inputs: [.input("max loss", maxLoss, .dollars, source: "the condor")])
        self.gapRiskExplanation = gapX
        if let stop {
            let stopped = stop * max(credit, 0)
            self.riskPerContract = min(stopped, maxLoss)
            self.riskPerContractExplanation = Explanation(
                "risk per contract", riskPerContract, .dollars,
                rule: "min(stop \(SizingText.percent(stop)) × credit, max loss)",
                inputs: [
                    .input("stop at step \(budget.step)", stop, .percent, source: "setting"),
                    .input("credit", credit, .dollars, source: "the condor, as filled"),
                    gapX,
                ],
                note: stopped > maxLoss ? "the stop is beyond the max loss, so the max loss is the risk" : nil)
        } else {
            self.riskPerContract = maxLoss
            self.riskPerContractExplanation = Explanation(
                "risk per contract", maxLoss, .dollars, rule: "max loss (stops none)", inputs: [gapX])
        }
        let noCredit = credit <= 0
        let byBudget = noCredit ? 0 : Self.wholeUnits(budget.amount, per: riskPerContract)
        let byCap = noCredit ? 0 : Self.wholeUnits(budget.capAmount, per: maxLoss)
        let n = min(byBudget, byCap)
        self.budgetContracts = byBudget
        self.capContracts = byCap
        self.contracts = n
        self.capBinds = byCap < byBudget
        self.totalRisk = Double(n) * riskPerContract
        self.totalGapRisk = Double(n) * maxLoss
        if noCredit {
            self.finding = "the credit as filled is \(SizingText.dollars(credit)): slippage and fees take all of it, "
                + "so there is nothing to sell"
        } else if n > 0 {
            self.finding = nil
        } else if byBudget == 0 {
            self.finding = "the \(SizingText.dollars(budget.amount)) budget cannot buy one contract risking "
                + "\(SizingText.dollars(riskPerContract)): XSP (a tenth of the size) or a narrower wing would"
        } else {
            self.finding = "the cap on capital at risk, \(SizingText.dollars(budget.capAmount)), cannot hold one contract's max loss "
                + "\(SizingText.dollars(maxLoss)): XSP (a tenth of the size) or a narrower wing would"
        }
        let budgetX = Explanation(
            "budget contracts", Double(byBudget), .contracts, rule: "floor(risk budget / risk per contract)",
            inputs: [budget.explanation, riskPerContractExplanation])
        let capX = Explanation(
            "cap contracts", Double(byCap), .contracts, rule: "floor(cap × equity / max loss)",
            inputs: [budget.capExplanation, gapX])
        let note: String
        if let finding { note = finding }
        else if byCap < byBudget {
            note = "the cap binds: the budget alone would buy \(byBudget); this is the steward's rule"
        } else {
            note = "gap risk \(SizingText.dollars(totalGapRisk)) if the market gaps through the stop"
        }
        self.explanation = Explanation(
            "contracts", Double(n), .contracts,
            rule: "min(floor(risk budget / risk per contract), floor(cap × equity / max loss))",
            inputs: [budgetX, capX], note: note)
    }

    /// `floor(amount / per)`: the largest `n` with `n × per ≤ amount`, where a product within
    /// 1e-9 (relative, METHOD §12 item 5) of the amount counts as equal, so a budget that is exactly `n` contracts
    /// in decimal (`0.3` for three of `0.1`) buys `n` despite binary rounding.
    static func wholeUnits(_ amount: Double, per: Double) -> Int {
        guard amount > 0, per > 0, amount.isFinite, per.isFinite else { return 0 }
        let limit = amount * (1 + 1e-9)
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
