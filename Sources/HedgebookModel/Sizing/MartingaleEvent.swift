/// One event that moves the account or the modified martingale (METHOD §5).
///
/// Every amount is a positive magnitude in dollars: `loss(900)` is a realised loss of $900.
public enum AccountEvent: Sendable, Equatable, Hashable, Codable {
    /// Sets the equity to the amount and starts a new cycle.
    case account(Double)
    /// Adds money without touching the cycle.
    case deposit(Double)
    /// Takes money out without touching the cycle.
    case withdraw(Double)
    /// A winning trade's realised P&L at the current step.
    case win(Double)
    /// A losing trade's realised P&L (its magnitude) at the current step.
    case loss(Double)

    /// The amount the event carries.
    public var amount: Double {
        switch self {
        case .account(let x), .deposit(let x), .withdraw(let x), .win(let x), .loss(let x): return x
        }
    }

    /// The command word a trader types: `account`, `deposit`, `withdraw`, `win`, `loss`.
    public var word: String {
        switch self {
        case .account: return "account"
        case .deposit: return "deposit"
        case .withdraw: return "withdraw"
        case .win: return "win"
        case .loss: return "loss"
        }
    }

    /// The signed change a trade makes to equity; `nil` for account, deposit and withdraw.
    public var tradePnL: Double? {
        switch self {
        case .win(let x): return x
        case .loss(let x): return -x
        default: return nil
        }
    }
}

/// How a cycle of the martingale ended.
public enum CycleOutcome: String, Sendable, Equatable, Codable {
    /// A win brought the cycle's cumulative P&L to zero or better.
    case recovered
    /// Rule `win`: a win reset the cycle while its cumulative P&L was still negative.
    case resetByWin
    /// A loss at the last step: the loss is accepted and a new cycle starts.
    case exhausted
    /// An `account` command restarted the sizing while the cycle was open.
    case restarted

    /// Words a trader reads: "recovered", "accepted at the last step".
    public var words: String {
        switch self {
        case .recovered: return "recovered"
        case .resetByWin: return "reset by a win"
        case .exhausted: return "lost at the last step (loss accepted)"
        case .restarted: return "restarted by account"
        }
    }
}

/// A finished cycle: its number, how far it went and what it made.
public struct CompletedCycle: Sendable, Equatable, Codable {
    /// 1-based cycle number.
    public var number: Int
    /// The deepest step a trade was placed at.
    public var worstStep: Int
    /// Cumulative realised P&L of the cycle's trades.
    public var pnl: Double
    /// Trades in the cycle.
    public var trades: Int
    /// How it ended.
    public var outcome: CycleOutcome

    public init(number: Int, worstStep: Int, pnl: Double, trades: Int, outcome: CycleOutcome) {
        self.number = number
        self.worstStep = worstStep
        self.pnl = pnl
        self.trades = trades
        self.outcome = outcome
    }
}

/// What one event did to the martingale, in words a trader reads.
public struct Transition: Sendable, Equatable, Codable {
    /// The event applied.
    public var event: AccountEvent
    /// Equity before and after.
    public var equityBefore: Double
    public var equityAfter: Double
    /// Step before and after (1-based).
    public var stepBefore: Int
    public var stepAfter: Int
    /// The cycle that ended with this event, if any.
    public var endedCycle: CompletedCycle?
    /// The sentence: `"loss at step 2 → step 3"`, `"cycle 1 ended recovered (+$20.00)"`.
    public var summary: String

    /// The tree: the step after the event, by the rule that moved it.
    public var explanation: Explanation {
        var inputs: [Explanation] = [
            .input("step before", Double(stepBefore), .count),
            .input("equity after", equityAfter, .dollars, source: "equity before \(SizingText.dollars(equityBefore)) and \(event.word)"),
        ]
        if let c = endedCycle {
            inputs.append(Explanation("cycle \(c.number) P&L", c.pnl, .dollars, rule: c.outcome.words,
                                      inputs: [.input("worst step", Double(c.worstStep), .count)]))
        }
        return Explanation("step", Double(stepAfter), .count, rule: summary, inputs: inputs)
    }
}

/// Dollar text used in the sizing, hedge and journal sentences.
enum SizingText {
    /// `+$20.00`, `-$580.00`, `$0.00`.
    static func signed(_ x: Double) -> String { ModelFormat.signedDollars(x) }

    static func dollars(_ x: Double) -> String { ModelFormat.dollars(x) }

    static func percent(_ x: Double) -> String { ModelFormat.percent(x) }

    static func plain(_ x: Double, _ decimals: Int = 2) -> String { ModelFormat.plain(x, decimals: decimals) }
}
