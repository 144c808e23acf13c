import HedgebookModel

extension Evaluator {
    /// `advance 7d`, or `date D` while positions are open: the date moves forward only. Each day
    /// with an expiry settles in METHOD §9's order (§12 item 16): the layers expiring that day, then
    /// the condor (which takes L1 and L2 with it under `withcondor`), at intrinsic value against the
    /// SPX and VIX in force. Open layers get a journal mark on the new date. A stop, target or time
    /// exit that holds on the new date is reported, not acted on: the user closes.
    static func moveDate(
        to d: CalendarDate, state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) -> Report {
        guard d >= state.date else {
            throw CommandFailure("dates only move forward while positions are open (the session is on \(state.date))",
                                 argument: 0, hint: "close the positions first, or `undo`")
        }
        let from = state.date
        var lines = ["date \(d) (+\(from.days(to: d)) days)"]
        var settled: [JSONValue] = []
        var explanations: [Explanation] = []
        while let day = state.positions.map(\.expiry).filter({ $0 <= d }).min() {
            state.date = max(state.date, day)
            let due = state.positions.filter { $0.expiry == day }.map(\.kind)
            // Layers first, then the condor (METHOD §9 order).
            for kind in due.filter({ $0 != .condor }) + due.filter({ $0 == .condor })
            where state.positions.contains(where: { $0.kind == kind }) {
                let r = realise(kind, verb: "settled at expiry", state: &state, appending: &appended)
                lines.append(r.text)
                settled.append(.object(r.json))
                explanations += r.explanations
            }
        }
        state.date = d
        if d > from {
            for p in state.positions {
                guard case .hedge(let l) = p.kind else { continue }
                let m = p.mark(market: state.market, on: d, fills: state.trade)
                appended.append(JournalEntry(date: d, .hedgeMark(l, value: max(0, m.liquidation - m.closingFees))))
            }
        }
        var json: [(String, JSONValue)] = [("date", .string(d.description)), ("days", .int(from.days(to: d))),
                                           ("settled", .array(settled))]
        if !state.positions.isEmpty {
            let marks = state.positions.map { $0.mark(market: state.market, on: d, fills: state.trade) }
            lines.append(marksLine(marks))
            json.append(("positions", .array(marks.map { .object([("name", .string($0.position.name)), ("pnl", .num($0.pnl))]) })))
            json.append(("net", .num(marks.reduce(0) { $0 + $1.pnl })))
            if let exit = exitReached(state) {
                lines.append(exit.text)
                json.append(("exit", .object([("reason", .string(exit.reason)), ("pnl", .num(exit.pnl)),
                                              ("threshold", .num(exit.threshold))])))
            }
        }
        json.append(("equity", .num(state.account.equity)))
        json.append(("markedEquity", .num(markedEquity(state))))
        return Report(text: lines.joined(separator: "\n"), result: json, explanations: explanations)
    }

    /// The first of the open condor's stop, target and time exits (METHOD §9) that holds now, or nil.
    static func exitReached(_ state: SessionState) -> (reason: String, text: String, pnl: Double, threshold: Double)? {
        guard let p = state.positions.first(where: { $0.kind == .condor }) else { return nil }
        let m = p.mark(market: state.market, on: state.date, fills: state.trade)
        let credit = -p.entryValue - p.openingFees
        if let stop = state.sizing.stop(at: p.step) {
            let limit = -stop * credit
            if m.pnl <= limit {
                return ("stop", "stop reached: open P&L \(Fmt.pnl(m.pnl)) ≤ \(Fmt.pnl(limit))"
                    + " (step \(p.step)'s stop \(Fmt.percent(stop, decimals: 0)) × credit \(Fmt.money(credit))): `close` to take it",
                        m.pnl, limit)
            }
        }
        if let target = state.trade.target {
            let goal = target * credit
            if m.pnl >= goal {
                return ("target", "target reached: open P&L \(Fmt.pnl(m.pnl)) ≥ \(Fmt.pnl(goal))"
                    + " (\(Fmt.percent(target, decimals: 0)) × credit \(Fmt.money(credit))): `close` to take it", m.pnl, goal)
            }
        }
        if let exitDTE = state.trade.exitDTE {
            let left = state.date.days(to: p.expiry)
            if left <= exitDTE {
                return ("time", "time exit reached: \(left) days left ≤ exitdte \(exitDTE): `close` to take it",
                        m.pnl, Double(exitDTE))
            }
        }
        return nil
    }

    /// A market command's report with the open positions' P&L at the new market appended.
    static func remarked(_ report: Report, _ state: SessionState) -> Report {
        let marks = state.positions.map { $0.mark(market: state.market, on: state.date, fills: state.trade) }
        var r = report
        r.text += "\n" + marksLine(marks)
        r.result.append(("positionsPnL", .num(marks.reduce(0) { $0 + $1.pnl })))
        return r
    }

    /// "open positions: P&L +$134.00 (condor +$84.00, L1 +$50.00)".
    static func marksLine(_ marks: [PositionMark]) -> String {
        let net = marks.reduce(0) { $0 + $1.pnl }
        return "open positions: P&L \(Fmt.pnl(net)) ("
            + marks.map { "\($0.position.name) \(Fmt.pnl($0.pnl))" }.joined(separator: ", ") + ")"
    }
}
