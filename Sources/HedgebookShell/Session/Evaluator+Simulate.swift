import HedgebookModel

/// `simulate N cycles|trades [paths M] [winrate P%] [seed S] [win $X] [loss $Y]` or
/// `simulate N years [paths M] [seed S]`, as typed.
public struct SimulationRequest: Equatable, Sendable {
    public enum Unit: String, Sendable, CaseIterable { case cycles, trades, years }
    public var count: Int
    public var unit: Unit
    public var paths: Int?
    public var winRate: Double?
    public var seed: Int?
    /// Dollars per contract won and lost, replacing the condor's credit and stop.
    public var win: Double?
    public var loss: Double?

    /// Paths when none are given, and the seed when none is given (so a replay is identical).
    public static let defaultPaths = 1_000
    public static let defaultSeed = 1
}

extension Evaluator {
    /// The Monte Carlo's configuration for the session's account, condor and settings.
    static func simulationConfig(
        _ state: SessionState, _ r: SimulationRequest
    ) throws(CommandFailure) -> (MonteCarloConfig, IronCondor) {
        _ = try budgetOrFail(state)
        let c = try buildCondor(state).condor
        guard let winRate = r.winRate else {
            throw CommandFailure(
                "the progression needs a win rate: with stops, the condor's P(profit) at expiry is not one",
                argument: 1,
                hint: "give it (`simulate \(r.count) \(r.unit.rawValue) winrate 60%`), or `simulate 10 years` plays the condor's life on simulated paths")
        }
        let horizon: MonteCarloConfig.Horizon = r.unit == .cycles ? .cycles(r.count) : .trades(r.count)
        do throws(ModelError) {
            var config = try MonteCarloConfig(
                horizon: horizon, paths: r.paths ?? SimulationRequest.defaultPaths,
                seed: UInt64(r.seed ?? SimulationRequest.defaultSeed), winRate: winRate,
                startEquity: state.account.equity, settings: state.sizing, credit: c.credit, maxLoss: c.maxLoss,
                win: r.win, loss: r.loss)
            let first = try ProgressionRisk.contractsPerStep(
                equity: config.startEquity, credit: c.credit, maxLoss: c.maxLoss, settings: state.sizing)
            // METHOD §5: a budget that buys no whole contract is played per dollar of budget.
            config.fractional = first.contains(0)
            return (config, c)
        } catch {
            throw CommandFailure(error.message, argument: nil)
        }
    }

    /// `simulate …`: the progression and flat sizing played on the same seeded draws.
    /// `observe` sees the progress and may stop the run, which then fails and records nothing.
    static func simulateReport(
        _ state: SessionState, _ r: SimulationRequest, observe: MonteCarlo.Observer? = nil
    ) throws(CommandFailure) -> Report {
        if r.unit == .years { return try simulateYearsReport(state, r, observe: observe) }
        let (config, condor) = try simulationConfig(state, r)
        let result = MonteCarlo.run(config, observe: observe)
        guard !result.cancelled else {
            let total = config.paths * config.horizon.count
            let done = Int(result.fractionDone * Double(total))
            throw CommandFailure.command(
                "simulation stopped at \(Int(result.fractionDone * 100))% (\(grouped(done)) of"
                    + " \(grouped(total)) \(r.unit.rawValue)); the session is unchanged")
        }
        return Report(text: simulationText(result, r, condor), result: simulationJSON(result, r))
    }
}

/// A whole number with thousands separators: `10,000`.
func grouped(_ n: Int) -> String {
    String(Fmt.money0(Double(n)).drop { $0 == "$" })
}
