import HedgebookModel

/// Evaluates one command against a state: the session's only way to change it.
///
/// Pure: no clock, no files, no terminal. Meta commands (`undo`, `save`, `help` …) are the
/// shell's business and never reach here.
enum Evaluator {
    /// Whether `command` changes the state (and so is what `undo` takes back).
    static func changesState(_ command: Command) -> Bool {
        switch command {
        case .date, .spx, .vix, .rate, .dividend, .vvix, .future, .event, .set,
             .account, .deposit, .withdraw, .win, .loss, .open, .close, .advance, .replay, .next, .quote:
            return true
        case .condor, .progression, .layers, .journal, .journalEntries, .journalExport, .risk, .why, .price, .settings,
             .positions, .shock, .grid, .sweep, .impliedVol,
             .undo, .redo, .history, .save, .load, .loadReplacing, .help, .quit, .recover,
             .note, .edit, .insert, .drop, .show, .export,
             .simulate, .payoff, .fork, .switchBranch, .branches, .compare, .data, .backtest:
            return false
        }
    }

    /// Evaluates `command` on `state`; journal entries it records go to `appended`, each stamped
    /// with the marked equity after the cell. On a throw, the caller discards `state` and `appended`.
    static func evaluate(
        _ command: Command, state: inout SessionState, log: [JournalEntry],
        appending appended: inout [JournalEntry], cells: [Cell]
    ) throws(CommandFailure) -> Report {
        let first = appended.count
        let report = try evaluateCommand(command, state: &state, log: log, appending: &appended, cells: cells)
        if !state.quotes.positions.isEmpty {   // a closed or settled position's quote goes with it
            state.quotes.positions = state.quotes.positions.filter { k, _ in state.positions.contains { $0.kind == k } }
        }
        if appended.count > first {
            let marked = state.positions.isEmpty ? state.account.equity : markedEquity(state)
            for i in first..<appended.count where appended[i].markedEquity == nil { appended[i].markedEquity = marked }
        }
        return report
    }

    private static func evaluateCommand(
        _ command: Command, state: inout SessionState, log: [JournalEntry],
        appending appended: inout [JournalEntry], cells: [Cell]
    ) throws(CommandFailure) -> Report {
        if clearsQuotes(command) { state.quotes = MarketQuotes() }
        switch command {
        case .date where state.replay != nil:
            throw CommandFailure("a replay sets the date from history", argument: 0,
                                 hint: "`next` or `advance 7d` moves the replay; `replay off` returns to typed markets")
        case .replay, .next, .advance where state.replay != nil:
            return try replay(command, state: &state, log: log, appending: &appended, cells: cells)
        case .date(let d) where !state.positions.isEmpty:
            return try moveDate(to: d, state: &state, appending: &appended)
        case .spx, .vix, .rate, .dividend, .vvix, .future:
            let report = try market(command, state: &state, lastEntryDate: log.last?.date)
            return state.positions.isEmpty ? report : remarked(report, state)
        case .date, .event:
            return try market(command, state: &state, lastEntryDate: log.last?.date)
        case .set(let setting):
            return try set(setting, state: &state)
        case .settings:
            return settingsReport(state)
        case .account, .deposit, .withdraw, .win, .loss:
            return try account(command, state: &state, appending: &appended)
        case .condor:
            return try condorReport(state)
        case .progression:
            return try progressionReport(state)
        case .layers:
            return try layersReport(state, log: log)
        case .journal:
            return try journalReport(state, log: log)
        case .journalEntries:
            return try journalEntriesReport(state, log: log)
        case .journalExport:
            preconditionFailure("files are the shell's")
        case .risk(let winRate):
            return try riskReport(state, winRate: winRate)
        case .price(let underlying, let kind, let strike, let dte):
            return try priceReport(state, underlying, kind, strike: strike, dte: dte)
        case .why:
            return whyReport(cells)
        case .open(let order):
            return try order.isModelOrder ? open(order.kind, state: &state, appending: &appended)
                : placeOrder(order, state: &state, appending: &appended)
        case .close(let request):
            return try closeOrder(request, state: &state, appending: &appended)
        case .quote(let request):
            return try quote(request, state: &state)
        case .impliedVol(let request):
            return try impliedVolReport(state, request)
        case .advance(let days):
            let target = state.date.adding(days: days)
            guard target.year <= 9999 else {
                throw CommandFailure("\(days) days after \(state.date) is past 9999-12-31, the last date hedgebook knows", argument: 0)
            }
            return try moveDate(to: target, state: &state, appending: &appended)
        case .positions:
            return positionsReport(state)
        case .shock(let request):
            return try shockReport(state, request)
        case .grid(let request):
            return try gridReport(state, request)
        case .sweep(let request):
            return try sweepReport(state, request, log: log, cells: cells)
        case .simulate(let request):
            return try simulateReport(state, request, observe: Interruption.observer)
        case .payoff(let request):
            return try payoffReport(state, request)
        case .backtest(let request):
            return try backtestReport(state, request).report
        case .fork, .switchBranch, .branches, .compare:
            preconditionFailure("branches are the shell's")
        case .data:
            preconditionFailure("the market store is the shell's")
        case .note:
            return Report(text: "")
        case .undo, .redo, .history, .save, .load, .loadReplacing, .help, .quit, .recover, .edit, .insert, .drop, .show, .export:
            preconditionFailure("meta commands are the shell's")
        }
    }

    /// `why`: the explanation trees of the most recent cell that has any.
    static func whyReport(_ cells: [Cell]) -> Report {
        // The latest report: when it has no rule tree, say so plainly before any older tree.
        var preface: [String] = []
        if let latest = cells.lastIndex(where: { cell in
            switch cell.command { case .note, .why: return false; default: return true }
        }), cells[latest].explanations.isEmpty, let reason = noRuleTree(cells[latest].command) {
            preface.append("cell \(latest + 1) (`\(cells[latest].input)`) has no rule tree: \(reason)")
        }
        guard let index = cells.lastIndex(where: { !$0.explanations.isEmpty }) else {
            let text = "nothing to explain yet: run `condor`, `layers`, `progression` or `account` first"
            return Report(text: (preface + [text]).joined(separator: "\n"))
        }
        let cell = cells[index]
        var lines = preface + ["cell \(index + 1): \(cell.input)"]
        for tree in cell.explanations { lines += tree.lines(indent: 1) }
        let json: [(String, JSONValue)] = [
            ("cell", .int(index + 1)),
            ("explanations", .array(cell.explanations.map(explanationJSON))),
        ]
        return Report(text: lines.joined(separator: "\n"), result: json)
    }

    /// Why a report has no rule tree, and where its numbers come from; `nil` for other commands.
    static func noRuleTree(_ command: Command) -> String? {
        switch command {
        case .shock, .grid:
            return "each open position is repriced at the moved SPX and VIX (the pricer of `price`) "
                + "and its P&L is that value less its entry cost, as `positions` lists them"
        case .positions:
            return "each open position is marked at the current market (the pricer of `price`) less its entry cost"
        case .simulate:
            return "it plays the progression's rules on random paths; docs/simulate.md says how each figure is computed"
        case .sweep:
            return "it re-runs its command at each value; `why` after that command explains one of them"
        case .payoff:
            return "it draws the open or planned positions' value at expiry and today across SPX levels"
        default:
            return nil
        }
    }

    static func explanationJSON(_ e: Explanation) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(e.name)), ("value", .num(e.value)), ("unit", .string(e.unit.rawValue)),
            ("rule", .string(e.rule)),
        ]
        if let note = e.note { pairs.append(("note", .string(note))) }
        if !e.inputs.isEmpty { pairs.append(("inputs", .array(e.inputs.map(explanationJSON)))) }
        return .object(pairs)
    }
}
