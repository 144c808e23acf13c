/// The modified martingale as a pure reducer over ``AccountEvent``s (METHOD §5).
///
/// A cycle starts at step 1 with `base$ = base% × equity at the start of the cycle`.
/// After a loss at step `k < steps` the next trade is at step `k + 1`; a loss at the last
/// step ends the cycle and a new one starts from the new equity. After a win, rule
/// `recover` ends the cycle once its cumulative P&L is ≥ 0 (otherwise the step stays),
/// rule `win` always ends it. `deposit` and `withdraw` change equity, never the cycle.
///
/// **Equity never reaches zero.** An event that would leave the equity at or below zero
/// (a loss as large as the account, a withdrawal of everything) is refused with
/// ``ModelError/outOfRange(quantity:value:valid:)`` and the state is unchanged: a sized
/// progression has no meaning without money, and a wiped-out account is restarted with
/// `account X`. Every refused event leaves the state exactly as it was.
/// If the settings now allow fewer steps than the current step, the step is read as the last one.
public struct MartingaleState: Sendable, Equatable, Codable {
    /// Current equity in dollars (0 before the first `account`).
    public internal(set) var equity: Double = 0
    /// Equity when the current cycle started.
    public internal(set) var cycleStartEquity: Double = 0
    /// `base$` of the current cycle: base% × equity at its start.
    public internal(set) var cycleBase: Double = 0
    /// The step of the next trade, 1-based.
    public internal(set) var step: Int = 1
    /// The current cycle's number, 1-based (0 before the first `account`).
    public internal(set) var cycle: Int = 0
    /// Cumulative realised P&L of the current cycle.
    public internal(set) var cyclePnL: Double = 0
    /// Trades placed in the current cycle.
    public internal(set) var cycleTrades: Int = 0
    /// The deepest step a trade of the current cycle was placed at (0 before its first trade).
    public internal(set) var cycleWorstStep: Int = 0
    /// How many cycles have ended. The cycles themselves travel in each ``Transition``'s
    /// `endedCycle`, so the state stays the same size however long the session runs.
    public internal(set) var completedCycleCount: Int = 0

    /// A state with no account yet.
    public init() {}

    /// A state opened with `account equity`.
    public init(account equity: Double, settings: SizingSettings = SizingSettings()) throws(ModelError) {
        var s = MartingaleState()
        _ = try s.apply(.account(equity), settings: settings)
        self = s
    }

    /// Whether `account` has been recorded.
    public var hasAccount: Bool { cycle > 0 }

    /// Applies one event and says what happened; on any error the state is unchanged.
    public mutating func apply(_ event: AccountEvent, settings: SizingSettings) throws(ModelError) -> Transition {
        try settings.validate()
        let x = try Validate.positive(event.amount, "\(event.word) amount")
        if case .account = event {} else if !hasAccount {
            throw .unavailable("no account yet: record `account X` before `\(event.word)`")
        }
        var next = self
        next.step = min(max(next.step, 1), settings.steps)
        let before = next
        var ended: CompletedCycle?
        var summary: String
        switch event {
        case .account:
            if next.cycleTrades > 0 { ended = next.closeCycle(.restarted, settings: settings) }
            next.equity = x
            next.startCycle(settings: settings)
            summary = "account set to \(SizingText.dollars(x)): cycle \(next.cycle) starts at step 1"
                + " with base \(SizingText.dollars(next.cycleBase))"
        case .deposit:
            try Self.checkLeaves(next.equity + x, event, equity: next.equity)
            next.equity += x
            summary = "deposit \(SizingText.dollars(x)): equity \(SizingText.dollars(next.equity)); the cycle is unchanged"
        case .withdraw:
            try Self.checkLeaves(next.equity - x, event, equity: next.equity)
            next.equity -= x
            summary = "withdraw \(SizingText.dollars(x)): equity \(SizingText.dollars(next.equity)); the cycle is unchanged"
        case .win, .loss:
            let pnl = event.tradePnL ?? 0
            try Self.checkLeaves(next.equity + pnl, event, equity: next.equity)
            (ended, summary) = next.trade(pnl, equityChange: pnl, settings: settings)
        }
        self = next
        return Transition(
            event: event, equityBefore: before.equity, equityAfter: next.equity,
            stepBefore: before.step, stepAfter: next.step, endedCycle: ended, summary: summary)
    }

    /// Moves the equity by a realised P&L that is not a trade of the progression (a hedge layer
    /// sold or settled, with its fees): the cycle and the step do not move (METHOD §7).
    /// Never refused (METHOD §12 item 16): an equity at or below zero then sizes nothing.
    public mutating func realise(_ pnl: Double) {
        guard hasAccount, pnl.isFinite else { return }
        equity += pnl
    }

    /// A closed trade: `result` (the martingale's trade result, net of hedges under `netting net`)
    /// goes through the progression, while the equity moves by `equityChange` (the position's own
    /// P&L: the hedges were realised into equity when they were sold). A result within half a cent
    /// of zero is a scratch: the equity moves, the progression does not, and the answer is `nil`.
    /// Never refused (METHOD §12 item 16).
    public mutating func record(
        result: Double, equityChange: Double, settings: SizingSettings
    ) -> Transition? {
        guard hasAccount, result.isFinite, equityChange.isFinite else { return nil }
        step = min(max(step, 1), settings.steps)
        guard abs(result) >= Self.scratch else {
            equity += equityChange
            return nil
        }
        let before = self
        let (ended, summary) = trade(result, equityChange: equityChange, settings: settings)
        return Transition(
            event: result > 0 ? .win(result) : .loss(-result), equityBefore: before.equity, equityAfter: equity,
            stepBefore: before.step, stepAfter: step, endedCycle: ended, summary: summary)
    }

    /// A result with |result| below this is a scratch (METHOD §12 item 18).
    public static let scratch = 0.005

    /// Applies events in order; stops at the first error with the state as it was before it.
    public mutating func apply(_ events: [AccountEvent], settings: SizingSettings) throws(ModelError) -> [Transition] {
        var out: [Transition] = []
        for e in events { out.append(try apply(e, settings: settings)) }
        return out
    }

    // MARK: - Rules

    private mutating func trade(
        _ pnl: Double, equityChange: Double, settings: SizingSettings
    ) -> (CompletedCycle?, String) {
        let k = step
        equity += equityChange
        cyclePnL += pnl
        cycleTrades += 1
        cycleWorstStep = max(cycleWorstStep, k)
        let word = pnl >= 0 ? "win" : "loss"
        let amount = SizingText.dollars(abs(pnl))
        if pnl < 0 {
            if k < settings.steps {
                step = k + 1
                return (nil, "\(word) \(amount) at step \(k) → step \(k + 1)")
            }
            let done = closeCycle(.exhausted, settings: settings)
            return (done, "\(word) \(amount) at step \(k), the last step: " + Self.ended(done) + next())
        }
        let resets = settings.reset == .win || cyclePnL >= 0
        guard resets else {
            return (nil, "\(word) \(amount) at step \(k): cycle at \(SizingText.signed(cyclePnL)), "
                + "not recovered (rule recover) → stays at step \(k)")
        }
        let done = closeCycle(cyclePnL >= 0 ? .recovered : .resetByWin, settings: settings)
        return (done, "\(word) \(amount) at step \(k): " + Self.ended(done) + next())
    }

    private func next() -> String {
        "; cycle \(cycle) starts at step 1 with base \(SizingText.dollars(cycleBase))"
    }

    private static func ended(_ c: CompletedCycle) -> String {
        "cycle \(c.number) ended \(c.outcome.words) (\(SizingText.signed(c.pnl)))"
    }

    private mutating func startCycle(settings: SizingSettings) {
        cycle += 1
        cycleStartEquity = equity
        cycleBase = settings.base * equity
        step = 1
        cyclePnL = 0
        cycleTrades = 0
        cycleWorstStep = 0
    }

    private mutating func closeCycle(_ outcome: CycleOutcome, settings: SizingSettings) -> CompletedCycle {
        let done = CompletedCycle(
            number: cycle, worstStep: cycleWorstStep, pnl: cyclePnL, trades: cycleTrades, outcome: outcome)
        completedCycleCount += 1
        if outcome != .restarted { startCycle(settings: settings) }
        return done
    }

    private static func checkLeaves(_ after: Double, _ event: AccountEvent, equity: Double) throws(ModelError) {
        guard after > 0, after.isFinite else {
            throw .outOfRange(
                quantity: "\(event.word) amount", value: event.amount,
                valid: "less than the equity \(SizingText.dollars(equity)): the account cannot go to zero or below;"
                    + " record `account X` to restart")
        }
    }
}
