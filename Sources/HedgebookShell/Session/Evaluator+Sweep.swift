import HedgebookModel

extension Evaluator {
    /// The most values one sweep runs its command at.
    static let maximumSweepValues = 200

    /// `sweep SETTING FROM..TO step X COMMAND`: the command re-run on a copy of the state with the
    /// setting at each value (`account X` is applied like the command, starting a cycle), its key
    /// figures collected into one table; a query, so nothing changes.
    static func sweepReport(
        _ state: SessionState, _ r: SweepRequest, log: [JournalEntry], cells: [Cell]
    ) throws(CommandFailure) -> Report {
        guard let figures = sweepFigures(r.command) else {
            throw CommandFailure("`\(r.input)` cannot be swept: sweep re-runs reports and trades", argument: r.commandArgument,
                                 hint: "for example: sweep account 50k..200k step 25k layers")
        }
        let values = try rangeValues(r.range, what: "values of \(r.setting)")
        guard values.count <= maximumSweepValues else {
            throw CommandFailure("\(values.count) values are too many for a sweep (at most \(maximumSweepValues))",
                                 argument: r.range.argument, hint: "use a larger step")
        }
        var rows: [[(String, JSONValue)]] = []
        for (index, x) in values.enumerated() {
            if Interruption.requested() {
                throw Interruption.failure("sweep at value \(index + 1) of \(values.count):")
            }
            var copy = state
            var appended: [JournalEntry] = []
            do {
                try applySweep(r.setting, x, to: &copy, appending: &appended)
            } catch {
                throw CommandFailure("at \(r.setting) \(sweepLabel(r.setting, x)): " + error.message, argument: r.range.argument)
            }
            recordFiredTriggers(&copy)
            let journal = log + appended
            do {
                let report = try evaluate(r.command, state: &copy, log: journal, appending: &appended, cells: cells)
                rows.append(keyFigures(figures, report.result))
            } catch {
                throw CommandFailure("at \(r.setting) \(sweepLabel(r.setting, x)): " + error.message,
                                     argument: error.argument.map { r.commandArgument + 1 + $0 } ?? r.commandArgument,
                                     hint: error.hint)
            }
        }
        var columns: [String] = []
        for row in rows { for (k, _) in row where !columns.contains(k) { columns.append(k) } }
        let table = Table(header: [r.setting] + columns.map { sweepColumn($0).name }, rows: zip(values, rows).map { x, row in
            [sweepLabel(r.setting, x)] + columns.map { c in sweepCell(row.first { $0.0 == c }?.1 ?? .null, sweepColumn(c).format) }
        })
        let json: [JSONValue] = zip(values, rows).map { x, row in .object([(r.setting, .num(x))] + row) }
        return Report(
            text: "sweep \(r.setting) over \(values.count) values: \(r.input)\n" + table.render() + "\n(a what-if: nothing changed)",
            result: [("setting", .string(r.setting)), ("values", .array(values.map { .num($0) })),
                     ("columns", .array(columns.map { .string($0) })), ("rows", .array(json))])
    }

    /// Sets `name` to `x` on `state`: `account x`, or `set name x` (a list setting gets `[x]`).
    static func applySweep(
        _ name: String, _ x: Double, to state: inout SessionState, appending appended: inout [JournalEntry]
    ) throws(CommandFailure) {
        if name == "account" {
            // The what-if varies the equity used for sizing only (METHOD §12 item 15): the open
            // positions are set aside in the scratch state, which is thrown away afterwards.
            let held = state.positions
            state.positions = []
            _ = try account(.account(x), state: &state, appending: &appended)
            state.positions = held
            return
        }
        guard let spec = CommandTable.setting(named: name), case .number(let n) = spec.parameters[0].kind else {
            preconditionFailure("\(name) is not sweepable")
        }
        let value: Arguments.Value = spec.parameters[0].presence == .oneOrMore ? .numbers([x])
            : n.integer ? .integer(Int(x)) : .number(x)
        _ = try set(spec.build(Arguments(values: [value])), state: &state)
    }

    /// A swept value as the language writes it: `$50,000`, `1.5%`, `16`.
    static func sweepLabel(_ name: String, _ x: Double) -> String {
        guard let spec = CommandTable.sweepSpec(name) else { return Fmt.plain(x) }
        switch spec.unit {
        case .money: return Fmt.money0(x)
        case .percent: return Fmt.percent(x)
        case .delta: return Fmt.delta(x)
        case .plain: return Fmt.plain(x)
        }
    }

    static func sweepCell(_ v: JSONValue, _ format: (Double) -> String) -> String {
        switch v {
        case .number(let x): return format(x)
        case .bool(let b): return b ? "yes" : "no"
        case .string(let s): return s
        default: return "—"
        }
    }
}
