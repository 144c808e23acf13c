import HedgebookModel

extension Evaluator {
    /// `advance 7d`, or `date D` while positions are open: the date moves forward only; positions
    /// whose expiry is reached settle at intrinsic value, in expiry order, each on its expiry date,
    /// at the SPX and VIX in force; open layers get a journal mark on the new date.
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
        while let i = state.positions.indices.filter({ state.positions[$0].expiry <= d })
            .min(by: { state.positions[$0].expiry < state.positions[$1].expiry }) {
            state.date = max(state.date, state.positions[i].expiry)
            let mark = state.positions[i].mark(market: state.market, on: state.date, fills: state.trade)
            let r = try realise(i, mark, verb: "settled at expiry", state: &state, appending: &appended)
            lines.append(r.text)
            settled.append(.object(r.json))
            explanations += r.explanations
        }
        state.date = d
        if d > from {
            for p in state.positions {
                guard case .hedge(let l) = p.kind else { continue }
                appended.append(JournalEntry(date: d, .hedgeMark(l, value: max(0, p.value(market: state.market, on: d)))))
            }
        }
        var json: [(String, JSONValue)] = [("date", .string(d.description)), ("days", .int(from.days(to: d))),
                                           ("settled", .array(settled))]
        if !state.positions.isEmpty {
            let marks = state.positions.map { $0.mark(market: state.market, on: d, fills: state.trade) }
            lines.append(marksLine(marks))
            json.append(("positions", .array(marks.map { .object([("name", .string($0.position.name)), ("pnl", .num($0.pnl))]) })))
            json.append(("net", .num(marks.reduce(0) { $0 + $1.pnl })))
        }
        return Report(text: lines.joined(separator: "\n"), result: json, explanations: explanations)
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
