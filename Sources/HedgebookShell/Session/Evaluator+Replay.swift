import HedgebookModel

/// A replay: the session's market follows the history its `replay` cell read (docs/data.md).
///
/// Each day of history is played as the plain cells a user could have typed — `date`, `spx`,
/// `vix`, `vvix`, `event` — evaluated by the same code, so a replay settles positions exactly as
/// `advance` does (``moveDate(to:state:appending:)``), and its cell saves as those plain cells:
/// a saved or exported replay runs without the store and prints the same (METHOD §12 item 20).
extension Evaluator {
    /// `replay` with the days read from the store, `replay off`, `next`, and `advance` in a replay.
    static func replay(
        _ command: Command, state: inout SessionState, log: [JournalEntry],
        appending appended: inout [JournalEntry], cells: [Cell]
    ) throws(CommandFailure) -> Report {
        switch command {
        case .replay(.read(let from, let days)):
            guard let first = days.first else {
                throw CommandFailure("the market store has no day with both an SPX and a VIX close on or after \(from)",
                                     hint: "`data` shows what the store holds; `make data` imports the sample history")
            }
            var play = Play(log: log, cells: cells)
            try play.day(first, state: &state, appended: &appended)
            state.replay = ReplayState(days: days)
            var report = play.report(extra: [("replay", .bool(true)), ("from", .string(first.date.description))])
            if first.date != from {
                // Said in the JSON only: the text must be what the plain cells print.
                report.result.append(("requested", .string(from.description)))
            }
            return report
        case .replay(.off):
            state.replay = nil
            return Report(text: "replay off: the market is typed from here", result: [("replay", .bool(false))])
        case .replay(.from):
            throw CommandFailure.command("replay reads the market store, which only the shell can do",
                                         hint: "type `replay DATE` at the prompt or in a script")
        case .next:
            return try advanceReplay(calendarDays: nil, state: &state, log: log, appending: &appended, cells: cells)
        case .advance(let n):
            return try advanceReplay(calendarDays: n, state: &state, log: log, appending: &appended, cells: cells)
        default:
            preconditionFailure("not a replay command")
        }
    }

    /// `next` (`calendarDays` nil) or `advance Nd` in a replay: `advance 1d` is the next trading
    /// day; `advance Nd` the last trading day on or before N calendar days on, and at least the next.
    /// Days passed on the way are played only where something happens on them (a position
    /// expires, or a calendar event is flagged); the others are skipped, as a typed `advance` would.
    static func advanceReplay(
        calendarDays n: Int?, state: inout SessionState, log: [JournalEntry],
        appending appended: inout [JournalEntry], cells: [Cell]
    ) throws(CommandFailure) -> Report {
        guard let replay = state.replay else {
            throw CommandFailure.command("next moves a replay, and there is none",
                                         hint: "`replay DATE` starts one; `advance 1d` moves a typed market")
        }
        let days = replay.days
        let here = days.lastIndex { $0.date <= state.date } ?? -1
        guard here + 1 < days.count else {
            throw CommandFailure.command("the replay's history ends on \(days[days.count - 1].date)",
                                         hint: "`replay off` returns to typed markets; import more history and `replay` again")
        }
        var target = here + 1
        if let n, n > 1 {
            let limit = state.date.adding(days: n)
            guard days[days.count - 1].date >= limit else {
                throw CommandFailure("the replay's history ends on \(days[days.count - 1].date), before \(limit)",
                                     hint: "advance fewer days, or `next`")
            }
            target = max(target, days.lastIndex { $0.date <= limit } ?? target)
        }
        var play = Play(log: log, cells: cells)
        let saved = state.replay
        for k in (here + 1)...target {
            let day = days[k]
            let expires = state.positions.contains { $0.expiry <= day.date }
            let flags = state.trade.eventTrigger && !day.events.isEmpty
            guard k == target || expires || flags else { continue }
            try play.day(day, state: &state, appended: &appended)
        }
        state.replay = saved
        return play.report(extra: [("replay", .bool(true)), ("tradingDays", .int(target - here))])
    }

    /// The plain cells of replayed days, evaluated one by one, with what they printed and the
    /// line that replays them.
    struct Play {
        var log: [JournalEntry]
        var cells: [Cell]
        var texts: [String] = []
        var lines: [String] = []
        var results: [JSONValue] = []
        var explanations: [Explanation] = []
        /// The calendar events of days played while `eventtrigger` is off: kept as a comment.
        var unflagged: [String] = []
        var last: HistoryDay?

        init(log: [JournalEntry], cells: [Cell]) {
            self.log = log
            self.cells = cells
        }

        /// One day of history: a position expiring between the last close and this one (a holiday)
        /// settles at the last close; then the date moves and the market is set — the market first
        /// when a position expires on this day, so it settles at this day's close.
        mutating func day(_ day: HistoryDay, state: inout SessionState, appended: inout [JournalEntry]) throws(CommandFailure) {
            let saved = state.replay
            state.replay = nil
            defer { state.replay = saved }
            if let gap = state.positions.map(\.expiry).filter({ $0 > state.date && $0 < day.date }).max() {
                try run(.date(gap), "date \(gap)", state: &state, appended: &appended)
            }
            var market: [(Command, String)] = [(.spx(day.spx), "spx \(day.spx)"), (.vix(day.vix), "vix \(day.vix)")]
            if let vvix = day.vvix { market.append((.vvix(vvix), "vvix \(vvix)")) }
            let move = (Command.date(day.date), "date \(day.date)")
            let expiresToday = state.positions.contains { $0.expiry <= day.date }
            for (command, text) in expiresToday ? market + [move] : [move] + market {
                try run(command, text, state: &state, appended: &appended)
            }
            for event in day.events {
                if state.trade.eventTrigger {
                    try run(.event(event), "event \(event.rawValue)", state: &state, appended: &appended)
                } else {
                    unflagged.append("\(event.rawValue.uppercased()) \(day.date)")
                }
            }
            last = day
        }

        private mutating func run(_ command: Command, _ text: String, state: inout SessionState,
                                  appended: inout [JournalEntry]) throws(CommandFailure) {
            var added: [JournalEntry] = []
            let report = try Evaluator.evaluate(command, state: &state, log: appended.isEmpty ? log : log + appended,
                                                appending: &added, cells: cells)
            appended += added
            // As if each were its own cell (Session.evaluate does this after every change).
            Evaluator.recordFiredTriggers(&state)
            if !report.text.isEmpty { texts.append(report.text) }
            lines.append(text)
            results.append(.object([("input", .string(text)), ("result", .object(report.result))]))
            explanations += report.explanations
        }

        /// The cell's report: the plain cells' outputs, the line that replays them, and the day.
        func report(extra: [(String, JSONValue)]) -> Report {
            var json = extra
            if let day = last {
                json += [("date", .string(day.date.description)), ("spx", .num(day.spx)), ("vix", .num(day.vix))]
                if let vvix = day.vvix { json.append(("vvix", .num(vvix))) }
                json.append(("events", .array(day.events.map { .string($0.rawValue) })))
            }
            json.append(("cells", .array(results)))
            var report = Report(text: texts.joined(separator: "\n"), result: json, explanations: explanations)
            report.script = lines.joined(separator: "; ")
            if !unflagged.isEmpty {
                // A comment keeps the days' events in the saved line without flagging them.
                report.script! += " # " + unflagged.joined(separator: ", ") + " (not flagged: eventtrigger is off)"
            }
            return report
        }
    }
}
