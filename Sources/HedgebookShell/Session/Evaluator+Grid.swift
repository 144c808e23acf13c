import HedgebookModel

extension Evaluator {
    /// `grid spx -10%..10% step 2% vix 15..45 step 5 [in 5d]`: net P&L, rows SPX move, columns VIX; a query.
    ///
    /// Each cell is exactly the net of `shock spx ROW vix COLUMN in …` (``PnLGrid``).
    static func gridReport(_ state: SessionState, _ r: GridRequest) throws(CommandFailure) -> Report {
        guard !state.positions.isEmpty else {
            throw .command("no open positions for a grid", hint: "`open condor` or `hedge L1` first")
        }
        let moves = try rangeValues(r.spx, what: "SPX moves")
        let levels = try rangeValues(r.vix, what: "VIX levels")
        if let bad = moves.first(where: { $0 <= -1 }) {
            throw CommandFailure("SPX cannot fall \(Fmt.percent(-bad)): every move must be more than -100%", argument: r.spx.argument)
        }
        guard moves.count * levels.count <= PnLGrid.maximumCells else {
            throw CommandFailure("\(moves.count) × \(levels.count) cells is more than \(PnLGrid.maximumCells)",
                                 argument: r.spx.argument, hint: "use larger steps")
        }
        var r = r
        if let at = r.date {
            r.days = state.date.days(to: at)
            guard r.days >= 0 else {
                throw CommandFailure("\(at) is before the session's date \(state.date)", argument: r.dateArgument)
            }
        }
        var grid: PnLGrid
        do {
            grid = try PnLGrid(positions: state.positions, market: state.market, date: state.date,
                               spxMoves: moves, vixLevels: levels, days: r.days)
        } catch {
            throw CommandFailure(error.message, argument: r.vix.argument)
        }
        // From the marks now, at quotes where there are any: each cell moves by the model − quote difference.
        let marks = Self.marks(state)
        let quoteShift = zip(state.positions, marks).reduce(0) { $0 + $1.0.value(market: state.market, on: state.date) - $1.1.value }
        if quoteShift != 0 { grid.pnl = grid.pnl.map { $0.map { $0 + quoteShift } } }
        let quoted = marks.filter { $0.quoteSource != nil }.map(\.position.name)
        let date = state.date.adding(days: r.days)
        var text = "net P&L of " + state.positions.map(\.name).joined(separator: " + ")
            + " · from SPX \(Fmt.level(state.market.spx)), VIX \(Fmt.level(state.market.vix))"
            + (r.days > 0 ? " · in \(r.days) day\(r.days == 1 ? "" : "s") (\(date))" : " · now")
            + " · rows SPX move, columns VIX\n"
        let rows = zip(moves, grid.pnl).map { move, row in [signedPercent(move)] + row.map(signedDollars) }
        text += Table(header: ["SPX \\ VIX"] + levels.map { Fmt.level($0) }, rows: rows).render()
        if !quoted.isEmpty { text += "\nfrom the quoted marks of " + quoted.joined(separator: ", ") }
        text += "\n(a what-if: nothing changed)"
        return Report(text: text, result: [
            ("spx", .array(moves.map { .num($0) })), ("vix", .array(levels.map { .num($0) })),
            ("pnl", .array(grid.pnl.map { .array($0.map { .num($0) }) })),
            ("days", .int(r.days)), ("date", .string(date.description)),
            ("quoted", .array(quoted.map { .string($0) })),
        ])
    }

    /// The values of a range, or a located failure when it runs backwards or holds too many.
    static func rangeValues(_ range: ValueRange, what: String) throws(CommandFailure) -> [Double] {
        guard range.from <= range.to else {
            throw CommandFailure("the \(what) run backwards: FROM must not be more than TO", argument: range.argument)
        }
        guard range.count <= ValueRange.maximumCount else {
            throw CommandFailure("\(range.count) \(what) are too many (at most \(ValueRange.maximumCount))",
                                 argument: range.argument, hint: "use a larger step")
        }
        return range.values
    }

    /// Whole dollars with a sign: `+$1,234`, `-$560`, `$0`.
    static func signedDollars(_ x: Double) -> String {
        (x >= 0.5 ? "+" : "") + Fmt.money0(x)
    }
}
