/// How an entry reads in the ledger (`journal entries`, `journal export`): a broker's statement line.
extension JournalEntry {
    /// `account`, `deposit`, `withdraw`, `win`, `loss`, `condor opened`, `condor closed`,
    /// `L1 bought`, `L1 sold`, `L1 mark`.
    public var kindName: String {
        switch kind {
        case .account: return "account"
        case .deposit: return "deposit"
        case .withdraw: return "withdraw"
        case .win: return "win"
        case .loss: return "loss"
        case .credit: return "condor opened"
        case .condorClosed: return "condor closed"
        case .hedgeBought(let l, _, _, _): return "\(l.label) bought"
        case .hedgeSold(let l, _, _, _, _): return "\(l.label) sold"
        case .hedgeMark(let l, _): return "\(l.label) mark"
        }
    }

    /// The entry's own dollars, signed as a statement shows them: money in and credits received
    /// positive, money out and premium paid negative; a close's realised P&L; a mark's value.
    public var amount: Double {
        switch kind {
        case .account(let x), .deposit(let x), .win(let x): return x
        case .withdraw(let x), .loss(let x): return -x
        case .credit(let x, _): return x
        case .condorClosed(let pnl, _, _): return pnl
        case .hedgeBought(_, let p, _, _): return -p
        case .hedgeSold(_, let p, _, _, _): return p
        case .hedgeMark(_, let v): return v
        }
    }

    /// Fees the entry paid.
    public var fees: Double {
        switch kind {
        case .credit(_, let f), .condorClosed(_, _, let f), .hedgeBought(_, _, _, let f), .hedgeSold(_, _, _, let f, _): return f
        default: return 0
        }
    }

    /// What the entry realised into equity (0 for flows, opens and marks).
    public var realisedPnL: Double {
        switch kind {
        case .win(let x): return x
        case .loss(let x): return -x
        case .condorClosed(let pnl, _, _), .hedgeSold(_, _, _, _, let pnl): return pnl
        default: return 0
        }
    }

    /// The martingale's result for a closed condor, else `nil`.
    public var tradeResult: Double? {
        if case .condorClosed(_, let result, _) = kind { return result }
        return nil
    }
}
