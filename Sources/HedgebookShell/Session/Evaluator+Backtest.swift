import HedgebookModel

/// `backtest FROM..TO`: the §9 engine over the stored history the cell read, with the session's
/// equity and settings at a fresh cycle, step 1, without the session's positions (METHOD §12 item 20),
/// beside flat sizing, no hedges, neither and SPX held (METHOD §11, §12 item 10). A query: it
/// changes nothing.
extension Evaluator {
    /// One stretch of history played the four ways METHOD §11 compares, and SPX held.
    struct Backtest {
        var days: [PathDay]
        var runs: PathComparison
    }

    static func runBacktest(_ state: SessionState, _ request: BacktestRequest) throws(CommandFailure) -> Backtest {
        _ = try budgetOrFail(state)
        let days = request.days.filter { $0.date >= request.from && $0.date <= request.to }
            .map { PathDay(date: $0.date, spx: $0.spx, vix: $0.vix, vvix: $0.vvix, event: !$0.events.isEmpty) }
        guard days.count >= 2 else {
            throw CommandFailure(
                "the market store has \(days.count) day\(days.count == 1 ? "" : "s") with both an SPX and a VIX close"
                    + " from \(request.from) to \(request.to)",
                argument: 0, hint: "`data` shows what the store holds; `make data` imports the sample history")
        }
        let played: PathComparison?
        do {
            played = try PathComparison.play(days, settings: pathSettings(state), shouldStop: Interruption.requested)
        } catch {
            throw CommandFailure.command(error.message)
        }
        guard let runs = played else { throw Interruption.failure("backtest of \(grouped(days.count)) days") }
        return Backtest(days: days, runs: runs)
    }

    static func backtestReport(_ state: SessionState, _ request: BacktestRequest) throws(CommandFailure) -> (report: Report, run: Backtest) {
        let b = try runBacktest(state, request)
        let m = b.runs.method
        let first = b.days[0].date, last = b.days[b.days.count - 1].date
        var text = "backtest \(first) → \(last) · \(grouped(b.days.count)) trading days · from \(Fmt.money0(state.account.equity))"
            + " · fresh cycle, step 1, no positions\n"
        text += settingsLine(state) + "\n"
        if request.listsTrades {
            text += m.trades.isEmpty ? "no trades" : "trades\n" + RunText.tradesTable(m.trades)
            text += m.layers.isEmpty ? "\nno hedge layers bought" : "\n\nhedge layers\n" + RunText.layersTable(m.layers)
        } else {
            text += keyValueLines(RunText.figureRows(m.figures).map { ($0[0], $0[1]) })
            text += "\n\nthe same days, other ways\n" + RunText.compareTable(b.runs)
            text += "\n\nyear by year (return of marked equity)\n" + yearTable(b)
            text += "\n\n" + AsciiChart.render(equityChart(b), width: 80, height: 16)
            text += "\n\(m.trades.count) trades and \(m.layers.count) hedge layers: `backtest \(first)..\(last) trades` lists them"
        }
        if m.trades.isEmpty {
            text += "\nno condor could be sized: " + (m.unsizedReason ?? "the budget buys nothing")
        } else if m.unsizedDays > 0, let why = m.unsizedReason {
            text += "\n\(grouped(m.unsizedDays)) entry days could not be sized (first: \(why))"
        }
        let f = m.figures
        let json: [(String, JSONValue)] = [
            ("from", .string(first.description)), ("to", .string(last.description)), ("tradingDays", .int(b.days.count)),
            ("startEquity", .num(state.account.equity)),
            ("trades", RunText.tradesJSON(m.trades)), ("layers", RunText.layersJSON(m.layers)),
            ("equityCurve", RunText.curveJSON(m.equityCurve)), ("figures", RunText.figuresJSON(f)),
            ("compare", RunText.compareJSON(b.runs)),
        ]
        return (Report(text: text, result: json), b)
    }

    /// What the run was played with, in one line.
    static func settingsLine(_ s: SessionState) -> String {
        let stops = s.sizing.stops.map { $0.map { Fmt.percent($0, decimals: 0) }.joined(separator: " ") } ?? "none"
        return "\(s.condor.underlying.ticker) \(Fmt.delta(s.condor.delta))Δ \(s.condor.dte) DTE \(Fmt.level(s.condor.effectiveWidth))-wide"
            + " · base \(Fmt.percent(s.sizing.base)) · steps \(s.sizing.steps) · stops \(stops)"
            + " · slippage \(Fmt.plain(s.trade.slippage)) · fees \(Fmt.money(s.trade.fees))"
            + " · target \(s.trade.target.map { Fmt.percent($0, decimals: 0) } ?? "none")"
            + " · exitdte \(s.trade.exitDTE.map(String.init) ?? "none")"
            + " · hedging \(s.trade.hedging ? "on" : "off") · netting \(s.trade.netting.rawValue)"
    }

    /// Each calendar year's return of marked equity, for every run and SPX held.
    static func yearTable(_ b: Backtest) -> String {
        let r = b.runs
        let curves = [r.method.equityCurve, r.flat.equityCurve, r.noHedges.equityCurve, r.neither.equityCurve, r.spxHeld.equityCurve]
        let start = r.method.figures.initialEquity
        let columns = curves.map { yearlyReturns($0, start: start) }
        let rows = columns[0].indices.map { i in
            [String(columns[0][i].year)] + columns.map { $0[i].change.map { Fmt.percent1($0) } ?? "—" }
        }
        return Table(header: ["year", "method", "flat", "no hedges", "neither", "SPX held"], rows: rows,
                     alignment: [.left] + Array(repeating: .right, count: 5)).render()
    }

    /// The return of each calendar year of `curve`: its last marked equity in the year over the last
    /// before it (the opening account for the first year), so the returns compound to final ÷ start.
    static func yearlyReturns(_ curve: [(date: CalendarDate, equity: Double)], start: Double) -> [(year: Int, change: Double?)] {
        var out: [(year: Int, change: Double?)] = []
        var before = start
        var i = 0
        while i < curve.count {
            let year = curve[i].date.year
            while i + 1 < curve.count && curve[i + 1].date.year == year { i += 1 }
            let end = curve[i].equity
            out.append((year, before > 0 ? end / before - 1 : nil))
            before = end
            i += 1
        }
        return out
    }

    /// The method's marked equity and SPX held against time (years as decimals).
    static func equityChart(_ b: Backtest) -> ChartData {
        let x = b.days.map { Double($0.date.year) + Double(CalendarDate(year: $0.date.year, month: 1, day: 1)!.days(to: $0.date)) / 365.25 }
        return ChartData(
            title: "marked equity: the method against SPX held", xLabel: "year", x: x,
            series: [("the method", b.runs.method.equityCurve.map(\.equity)), ("SPX held", b.runs.spxHeld.equityCurve.map(\.equity))],
            markers: [], includesZero: false)
    }
}
