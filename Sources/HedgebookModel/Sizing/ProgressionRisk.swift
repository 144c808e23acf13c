#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The honest arithmetic of a martingale: what the progression does to the tail and the edge.
///
/// For win rate `p` (`q = 1 − p`), `W` won per contract, `L_k` lost per contract at step `k`
/// and `c_k` contracts at step `k` of `K`:
/// ```
/// P(K losses in a row) = q^K
/// worst cycle loss     = Σ_k c_k · L_k
/// rule win:  P(fail) = q^K,  E[cycle] = Σ_k q^{k−1} c_k (pW − qL_k),  E[trades] = Σ_k q^{k−1}
/// flat:      E[trade] = c_1 (pW − qL_1),   break-even p = L_1 / (W + L_1)
/// ```
/// Rule `recover` is computed exactly by ``ProgressionChain`` (no simulation). The *edge* is
/// expected P&L per dollar put at risk: with the same loss per contract at every step it is the
/// same with and without the progression — the progression changes the tail, not the edge.
public struct ProgressionRisk: Sendable, Equatable, Codable {
    public var rule: ResetRule
    public var steps: Int
    public var winRate: Double
    public var winPerContract: Double
    /// Loss per contract and contracts at each step, 1 through ``steps``.
    public var lossPerContract: [Double]
    public var contracts: [Int]
    public var pAllStepsLose: Double
    public var pCycleFails: Double
    public var worstCycleLoss: Double
    public var expectedTradesPerCycle: Double
    public var expectedCyclePnL: Double
    public var expectedTradePnL: Double
    /// Expected P&L ÷ expected dollars at risk.
    public var edge: Double
    /// The win rate at which the expected cycle P&L is zero.
    public var breakEvenWinRate: Double
    /// Flat sizing: every trade at step 1's contracts and loss.
    public var flatExpectedTradePnL: Double
    public var flatEdge: Double
    public var flatBreakEvenWinRate: Double
    /// `K × c_1 × L_1`: K losses in a row at flat size.
    public var flatWorstLoss: Double
    public var explanations: [Explanation]

    /// The figures for `settings`, a win rate, and per-step losses and contracts (the last entry repeats).
    public init(
        settings: SizingSettings, winRate: Double, winPerContract: Double,
        lossPerContract: [Double], contracts: [Int]
    ) throws(ModelError) {
        try settings.validate()
        _ = try Validate.inRange(winRate, 0.000001...0.999999, "win rate", valid: "between 0% and 100%, exclusive")
        _ = try Validate.positive(winPerContract, "win per contract")
        guard !lossPerContract.isEmpty, !contracts.isEmpty else { throw .unavailable("losses and contracts per step are needed") }
        for l in lossPerContract { _ = try Validate.positive(l, "loss per contract") }
        let k = settings.steps
        let losses = (0..<k).map { lossPerContract[min($0, lossPerContract.count - 1)] }
        let sizes = (0..<k).map { contracts[min($0, contracts.count - 1)] }
        for (i, c) in sizes.enumerated() where c < 1 || c > 1_000_000 {
            throw .outOfRange(quantity: "contracts at step \(i + 1)", value: Double(c), valid: "1 to 1,000,000")
        }
        let chain = ProgressionChain(win: winPerContract, losses: losses, contracts: sizes, rule: settings.reset)
        try chain.checkSize()
        let o = chain.outcomes(winRate)
        let p = winRate, q = 1 - winRate, w = winPerContract
        rule = settings.reset
        steps = k
        self.winRate = p
        self.winPerContract = w
        self.lossPerContract = losses
        self.contracts = sizes
        pAllStepsLose = pow(q, Double(k))
        pCycleFails = settings.reset == .win ? pAllStepsLose : o.pFail
        worstCycleLoss = zip(sizes, losses).reduce(0) { $0 + Double($1.0) * $1.1 }
        expectedTradesPerCycle = o.trades
        expectedCyclePnL = o.pnl
        expectedTradePnL = o.pnl / o.trades
        edge = o.pnl / o.risk
        breakEvenWinRate = chain.breakEven()
        let c1 = Double(sizes[0]), l1 = losses[0]
        flatExpectedTradePnL = c1 * (p * w - q * l1)
        flatEdge = (p * w - q * l1) / l1
        flatBreakEvenWinRate = l1 / (w + l1)
        flatWorstLoss = Double(k) * c1 * l1
        explanations = []
        explanations = explain()
    }

    /// Loss per contract at each step: `min(stop_k × credit, max loss)`, or the max loss with stops none.
    public static func lossPerContract(credit: Double, maxLoss: Double, settings: SizingSettings) -> [Double] {
        (1...max(settings.steps, 1)).map { k in settings.stop(at: k).map { min($0 * credit, maxLoss) } ?? maxLoss }
    }

    /// Contracts at each step for a cycle starting at `equity` (the cap at that equity; no trade in between).
    public static func contractsPerStep(
        equity: Double, credit: Double, maxLoss: Double, settings: SizingSettings
    ) throws(ModelError) -> [Int] {
        var out: [Int] = []
        for k in 1...settings.steps {
            let b = try RiskBudget(step: k, base: settings.base * equity, equity: equity, settings: settings)
            out.append(try SizingResult(budget: b, credit: credit, maxLoss: maxLoss, settings: settings).contracts)
        }
        return out
    }
}
