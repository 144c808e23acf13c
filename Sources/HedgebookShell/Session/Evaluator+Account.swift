import HedgebookModel

extension Evaluator {
    /// `account`, `deposit`, `withdraw`, `win`, `loss`: the martingale's events, each a journal entry.
    static func account(
        _ command: Command, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        let event: AccountEvent
        switch command {
        case .account(let x): event = .account(x)
        case .deposit(let x): event = .deposit(x)
        case .withdraw(let x): event = .withdraw(x)
        case .win(let x): event = .win(x)
        case .loss(let x): event = .loss(x)
        default: preconditionFailure("not an account command")
        }
        let condorOpen = state.positions.contains(where: { $0.kind == .condor })
        switch event {
        case .win where condorOpen, .loss where condorOpen:
            throw CommandFailure(
                "a condor is open: its result is booked when it closes", argument: 0,
                hint: "`close` it (or let it settle); a typed result now would count twice")
        case .account where !state.positions.isEmpty:
            throw CommandFailure(
                "positions are open (\(state.positions.map(\.name).joined(separator: ", "))): `account` would restart the equity under them",
                argument: 0, hint: "close them first, or use `deposit` / `withdraw`")
        default: break
        }
        var martingale = state.account
        let transition: Transition
        do {
            transition = try martingale.apply(event, settings: state.sizing)
        } catch {
            throw CommandFailure(error.message, argument: 0)
        }
        let newCycle = martingale.cycle != state.account.cycle || transition.endedCycle != nil
        state.account = martingale
        if newCycle {
            state.vixAtCycleStart = state.market.vix
            state.events.removeAll()
        }
        appended.append(JournalEntry(date: state.date, event: event))
        let budget = try? state.account.riskBudget(settings: state.sizing)
        let line = transition.summary + "\n" + accountLine(state, budget: budget)
        return Report(
            text: line, result: accountJSON(state, budget: budget),
            explainer: Explainer(lazy: { [account = state.account, sizing = state.sizing] in
                // The budget is rebuilt from the small state it came from rather than kept with its
                // tree: an account cell then holds a few hundred bytes instead of over a kilobyte.
                [transition.explanation] + ((try? account.riskBudget(settings: sizing)).map { [$0.explanation] } ?? [])
            }))
    }

    /// The risk budget of the next trade, or a failure when there is no account.
    static func budgetOrFail(_ state: SessionState) throws(CommandFailure) -> RiskBudget {
        guard state.account.hasAccount else {
            throw .command("no account yet", hint: "start with `account 100000`")
        }
        do { return try state.account.riskBudget(settings: state.sizing) } catch {
            throw .command(error.message)
        }
    }

    /// "equity $99,100.00 · cycle 1 · step 2 of 4 · cycle P&L -$900.00 · next risk budget $1,800.00",
    /// with the marked equity when positions are open; an equity at or below zero sizes nothing and says so.
    static func accountLine(_ state: SessionState) -> String {
        accountLine(state, budget: try? state.account.riskBudget(settings: state.sizing))
    }

    /// ``accountLine(_:)`` with the next risk budget already built (`nil`: nothing can be sized).
    static func accountLine(_ state: SessionState, budget: RiskBudget?) -> String {
        let a = state.account
        var line = "equity \(Fmt.money(a.equity))"
        if !state.positions.isEmpty { line += " (marked \(Fmt.money(markedEquity(state))))" }
        line += " · cycle \(a.cycle) · step \(a.step) of \(state.sizing.steps) · cycle P&L \(Fmt.pnl(a.cyclePnL))"
        if let budget {
            line += " · next risk budget \(Fmt.money(budget.amount))"
        } else {
            line += " · nothing can be sized at this equity until `account X` or a deposit"
        }
        return line
    }

    static func accountJSON(_ state: SessionState) -> [(String, JSONValue)] {
        accountJSON(state, budget: try? state.account.riskBudget(settings: state.sizing))
    }

    static func accountJSON(_ state: SessionState, budget: RiskBudget?) -> [(String, JSONValue)] {
        let a = state.account
        return [
            ("equity", .num(a.equity)), ("markedEquity", .num(markedEquity(state))), ("step", .int(a.step)),
            ("cycle", .int(a.cycle)), ("riskBudget", .num(budget?.amount)), ("cyclePnL", .num(a.cyclePnL)),
            ("capAtRisk", .num(budget?.capAmount)),
        ]
    }

    /// Equity + the open positions' open P&L: what closing everything now would leave (METHOD §7).
    static func markedEquity(_ state: SessionState) -> Double {
        state.account.equity + marks(state).reduce(0) { $0 + $1.pnl }
    }
}
