import HedgebookModel

/// `data` and `replay DATE`: the commands that read or write the market store. `data` changes the
/// store, not the session, so it is not a cell; `replay DATE` becomes a cell holding what it read.
extension Shell {
    func data(_ request: DataRequest) throws(CommandFailure) -> Outcome {
        let store: MarketStore
        do { store = try marketHistory.store() } catch { throw CommandFailure.command(error.message) }
        switch request {
        case .list:
            return try dataList(store)
        case .importFile(let kind, let path, let replace):
            let summary: ImportSummary
            do { summary = try store.importFile(kind, path: path, replace: replace) } catch {
                throw CommandFailure(error.message, argument: 2)
            }
            return Outcome(text: Self.describe(summary), result: .object(Self.json(summary)))
        }
    }

    private func dataList(_ store: MarketStore) throws(CommandFailure) -> Outcome {
        let series: [SeriesSummary]
        do { series = try store.summary() } catch { throw CommandFailure.command(error.message) }
        let table = Table(header: ["series", "first", "last", "rows"], rows: series.map {
            [$0.name, $0.first?.description ?? "—", $0.last?.description ?? "—", String($0.rows)]
        })
        var text = table.render() + "\nstore: " + HistoryCSV.shown(store.path)
        let hasBoth = series.filter { ($0.name == "spx" || $0.name == "vix") && $0.rows > 0 }.count == 2
        if !hasBoth { text += "\nno SPX and VIX history yet: `make data` imports the sample, or `data import spx FILE`" }
        let json: [(String, JSONValue)] = [
            ("store", .string(store.path)),
            ("series", .array(series.map { s in
                .object([("name", .string(s.name)), ("first", s.first.map { .string($0.description) } ?? .null),
                         ("last", s.last.map { .string($0.description) } ?? .null), ("rows", .int(s.rows))])
            })),
        ]
        return Outcome(text: text, result: .object(json))
    }

    static func describe(_ s: ImportSummary) -> String {
        var parts = ["\(s.added) added"]
        if s.replaced > 0 { parts.append("\(s.replaced) replaced") }
        parts.append("\(s.unchanged) unchanged")
        if s.skipped > 0 { parts.append("\(s.skipped) without a close skipped") }
        let span = s.first.map { " (\($0) to \(s.last!))" } ?? ""
        let name = s.kind == .events ? "events" : s.kind.rawValue.uppercased()
        return "imported \(name) from \(HistoryCSV.shown(s.file))\(span): " + parts.joined(separator: ", ")
    }

    static func json(_ s: ImportSummary) -> [(String, JSONValue)] {
        [("series", .string(s.kind.rawValue)), ("file", .string(s.file)),
         ("first", s.first.map { .string($0.description) } ?? .null), ("last", s.last.map { .string($0.description) } ?? .null),
         ("added", .int(s.added)), ("replaced", .int(s.replaced)), ("unchanged", .int(s.unchanged)), ("skipped", .int(s.skipped))]
    }

    /// `replay DATE` with the history read from the store, so the cell never reads it again;
    /// every other command as it is.
    func readingHistory(_ command: Command) throws(CommandFailure) -> Command {
        if case .backtest(var request) = command, request.days.isEmpty {
            do { request.days = try historyDays(from: request.from, through: request.to) } catch {
                throw CommandFailure(error.message, argument: 0)
            }
            return .backtest(request)
        }
        guard case .replay(.from(let date)) = command else { return command }
        do {
            let days = try marketHistory.store().days(from: date)
            return .replay(.read(from: date, days: days))
        } catch {
            throw CommandFailure(error.message, argument: 0)
        }
    }
}

extension Shell {
    /// `hedgebook data …` from the command line: the same as `data …` typed in the shell.
    public func runData(_ request: DataRequest) -> LineResult {
        do throws(CommandFailure) {
            let outcome = try data(request)
            return LineResult(text: outcome.text, json: [], ok: true, quit: false)
        } catch {
            return LineResult(text: "", json: [], ok: false, quit: false, error: error.message)
        }
    }
}

extension Shell {
    /// `backtest … --svg FILE`: the equity curves written as an SVG. Like `payoff --svg`, it refuses
    /// to replace a file unless typed `--svg!`, writes atomically, and is not a cell.
    func backtestSVG(_ request: BacktestRequest, path: String) throws(CommandFailure) -> Outcome {
        guard case .backtest(let read) = try readingHistory(.backtest(request)) else { preconditionFailure() }
        let run = try Evaluator.backtestReport(session.state, read).run
        var chart = Evaluator.equityChart(run)
        chart.series.insert(("flat", run.runs.flat.equityCurve.map(\.equity)), at: 1)
        chart.series.insert(("no hedges", run.runs.noHedges.equityCurve.map(\.equity)), at: 2)
        chart.title = "marked equity \(run.days[0].date) → \(run.days[run.days.count - 1].date): the method, flat, no hedges, SPX held"
        do { try FileStore.writeAtomically(SvgChart.render(chart), to: path, overwrite: request.overwrite) } catch {
            throw CommandFailure(
                FileStore.exists(path) && !request.overwrite ? "\(path) already exists" : error.message, argument: 3,
                hint: request.overwrite || !FileStore.exists(path) ? nil : "`backtest … --svg! \(path)` replaces it")
        }
        return Outcome(text: "wrote the equity curves of \(run.days.count) days to \(HistoryCSV.shown(path))",
                       result: .object([("file", .string(path)), ("days", .int(run.days.count))]))
    }

    /// The trading days from `from` through `through` on which both SPX and VIX have a close,
    /// with VVIX where known and each day's calendar events: what the engine plays (`backtest`).
    public func historyDays(from: CalendarDate, through: CalendarDate) throws(HistoryError) -> [HistoryDay] {
        try marketHistory.store().days(from: from, through: through)
    }
}
