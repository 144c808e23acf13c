/// What a Monte Carlo of the progression plays: the sizing rules, the trade's odds and amounts,
/// how long and how many times.
///
/// A *path* starts at ``startEquity`` and plays trades until its ``horizon`` (so many cycles, or
/// so many trades). Each trade is won with probability ``winRate``. The progression sizes it by
/// METHOD §5 and the flat strategy plays the same draw at step-1 size:
/// ```
/// budget_k  = base% × equity at cycle start × m2 × … × mk
/// contracts = min(floor(budget_k / riskPerContract_k), floor(cap × equity / maxLoss))
/// win  = contracts × winPerContract        loss = contracts × lossPerContract_k
/// flat = the same rules with one step: every trade is a cycle of its own
/// ```
/// With ``resize`` off every cycle trades the contracts of the first cycle (what `risk` assumes).
public struct MonteCarloConfig: Sendable, Equatable {
    /// How long one path runs.
    public enum Horizon: Sendable, Equatable {
        case cycles(Int)
        case trades(Int)

        public var count: Int {
            switch self { case .cycles(let n), .trades(let n): return n }
        }
    }

    public var horizon: Horizon
    /// Independent paths, each from ``startEquity``.
    public var paths: Int
    public var seed: UInt64
    /// P(a trade wins).
    public var winRate: Double
    public var startEquity: Double
    public var settings: SizingSettings
    /// Dollars a winning contract makes (the credit unless given).
    public var winPerContract: Double
    /// Dollars a losing contract loses at steps 1…K (the stop unless given).
    public var lossPerContract: [Double]
    /// Dollars one contract risks at steps 1…K, for sizing (METHOD §5: the stop, or the max loss).
    public var riskPerContract: [Double]
    /// Max loss per contract: what the cap on capital at risk divides (METHOD §5).
    public var maxLoss: Double
    /// Contracts from the budget at every trade (true), or those of the first cycle throughout.
    public var resize: Bool
    /// Size in fractional contracts, `budget ÷ risk per contract` (per dollar of budget), for a
    /// budget too small to buy one whole contract (METHOD §5, §12 item 19).
    public var fractional = false

    /// The most paths one run may hold (their results are kept for the percentiles).
    public static let pathLimit = 1_000_000

    public init(
        horizon: Horizon, paths: Int, seed: UInt64, winRate: Double, startEquity: Double,
        settings: SizingSettings, winPerContract: Double, lossPerContract: [Double],
        riskPerContract: [Double], maxLoss: Double? = nil, resize: Bool = true
    ) throws(ModelError) {
        try settings.validate()
        guard horizon.count >= 1 else { throw .notPositive(quantity: "horizon", value: Double(horizon.count)) }
        guard (1...Self.pathLimit).contains(paths) else {
            throw .outOfRange(quantity: "paths", value: Double(paths), valid: "1 to 1,000,000")
        }
        _ = try Validate.inRange(winRate, 0.000001...0.999999, "win rate", valid: "between 0% and 100%, exclusive")
        _ = try Validate.positive(startEquity, "equity")
        _ = try Validate.positive(winPerContract, "win per contract")
        let k = settings.steps
        guard !lossPerContract.isEmpty, !riskPerContract.isEmpty else {
            throw .unavailable("losses and risks per contract are needed")
        }
        for x in lossPerContract { _ = try Validate.positive(x, "loss per contract") }
        for x in riskPerContract { _ = try Validate.positive(x, "risk per contract") }
        self.horizon = horizon
        self.paths = paths
        self.seed = seed
        self.winRate = winRate
        self.startEquity = startEquity
        self.settings = settings
        self.winPerContract = winPerContract
        self.lossPerContract = (0..<k).map { lossPerContract[min($0, lossPerContract.count - 1)] }
        self.riskPerContract = (0..<k).map { riskPerContract[min($0, riskPerContract.count - 1)] }
        let gap = maxLoss ?? (riskPerContract + lossPerContract).max() ?? 0
        _ = try Validate.positive(gap, "max loss per contract")
        self.maxLoss = gap
        self.resize = resize
    }

    /// The condor's figures: win the credit, lose (and risk) `min(stop_k × credit, max loss)`;
    /// `win` and `loss` per contract replace them when given (sizing still uses the condor's risk).
    public init(
        horizon: Horizon, paths: Int, seed: UInt64, winRate: Double, startEquity: Double,
        settings: SizingSettings, credit: Double, maxLoss: Double,
        win: Double? = nil, loss: Double? = nil, resize: Bool = true
    ) throws(ModelError) {
        _ = try Validate.positive(credit, "credit per contract")
        _ = try Validate.positive(maxLoss, "max loss per contract")
        let risks = ProgressionRisk.lossPerContract(credit: credit, maxLoss: maxLoss, settings: settings)
        try self.init(
            horizon: horizon, paths: paths, seed: seed, winRate: winRate, startEquity: startEquity,
            settings: settings, winPerContract: win ?? credit, lossPerContract: loss.map { [$0] } ?? risks,
            riskPerContract: risks, maxLoss: maxLoss, resize: resize)
    }

    /// The settings of the flat strategy: the same rules with a single step.
    public var flatSettings: SizingSettings {
        var flat = settings
        flat.steps = 1
        flat.stops = settings.stop(at: 1).map { [$0] }
        return flat
    }
}
