import HedgebookModel

/// `edit`, `insert`, `drop` and `show`: the cell list is the notebook, and the state is always
/// its fold. They edit the list (like `undo`), so they are not cells themselves.
extension Shell {
    func edit(_ n: Int, _ command: Command, _ input: String) throws(CommandFailure) -> Outcome {
        try checkCell(n, upTo: session.cells.count)
        try checkNested(command)
        let command = try nestedReadingHistory(command)
        return try change(verb: "edit", past: "edited", cell: n, range: (n - 1)..<n, with: [.init(command, input: input)]) { old in
            "\(old[0].input) → \(input)"
        }
    }

    func insert(_ n: Int, _ command: Command, _ input: String) throws(CommandFailure) -> Outcome {
        try checkCell(n, upTo: session.cells.count + 1)
        try checkNested(command)
        let command = try nestedReadingHistory(command)
        return try change(verb: "insert", past: "inserted", cell: n, range: (n - 1)..<(n - 1), with: [.init(command, input: input)]) { _ in
            input
        }
    }

    func drop(_ n: Int) throws(CommandFailure) -> Outcome {
        try checkCell(n, upTo: session.cells.count)
        return try change(verb: "drop", past: "dropped", cell: n, range: (n - 1)..<n, with: []) { old in old[0].input }
    }

    func show(_ n: Int) throws(CommandFailure) -> Outcome {
        try checkCell(n, upTo: session.cells.count)
        let cell = session.cells[n - 1]
        let text: String
        if case .note = cell.command {
            text = "cell \(n) is a note: \(cell.input)"
        } else {
            text = cell.output.isEmpty ? "cell \(n) (\(cell.input)) printed nothing" : cell.output
        }
        return Outcome(text: text, result: .object([
            ("cell", .int(n)), ("input", .string(cell.input)), ("output", .string(cell.output)), ("result", cell.result),
        ]))
    }

    /// Replaces `range` with `replacement`, then reports the edit, what moved in the key state,
    /// and which later cells now print something else.
    private func change(
        verb: String, past: String, cell n: Int, range: Range<Int>, with replacement: [Session.NewCell],
        describe: ([Cell]) -> String
    ) throws(CommandFailure) -> Outcome {
        let before = session.state
        let oldTail = Array(session.cells[range.upperBound...])
        let removed: [Cell]
        do throws(Session.EditFailure) {
            removed = try session.replace(range, with: replacement)
        } catch {
            throw refusal(verb: verb, cell: n, error, inserted: replacement.count, removed: range.count)
        }
        let first = range.lowerBound + replacement.count
        let changed = oldTail.indices.filter { oldTail[$0].output != session.cells[first + $0].output }
            .map { first + $0 + 1 }
        var text = "\(past) cell \(n): \(describe(removed))" + change(from: before, to: session.state)
        if !changed.isEmpty {
            text += "\n" + (changed.count == 1 ? "output changed: cell " : "outputs changed: cells ") + Self.ranges(changed)
        }
        return Outcome(text: text, result: .object([
            ("cell", .int(n)),
            ("removed", .array(removed.map { .string($0.input) })),
            ("inserted", .array(replacement.map { .string($0.input) })),
            ("changed", .array(changed.map { .int($0) })),
            ("cells", .int(session.cells.count)),
        ]))
    }

    /// The error of a refused edit: the new command's own failure points at it; a later cell's
    /// failure names that cell as it is numbered now (nothing changed).
    private func refusal(verb: String, cell n: Int, _ error: Session.EditFailure, inserted: Int, removed: Int) -> CommandFailure {
        if error.cell == n && inserted > 0 {
            // Arguments of `edit N command…`: 0 is N, 1 the nested command's name, 2… its arguments.
            return CommandFailure(error.failure.message, argument: error.failure.argument.map { $0 + 2 } ?? 1,
                                  hint: error.failure.hint)
        }
        let now = error.cell - inserted + removed
        return CommandFailure.command(
            "cannot \(verb) cell \(n): cell \(now) (\(error.input)) would then fail: \(error.failure.message); nothing changed",
            hint: "change or drop cell \(now) first; `show \(now)` shows it")
    }

    /// `3, 5–9, 12`: runs of consecutive numbers as ranges, at most eight of them, then how many in all.
    static func ranges(_ numbers: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for n in numbers {
            if let last = runs.last, last.upperBound + 1 == n { runs[runs.count - 1] = last.lowerBound...n } else { runs.append(n...n) }
        }
        let shown = runs.prefix(8).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        return shown.joined(separator: ", ") + (runs.count > 8 ? ", … (\(numbers.count) in all)" : "")
    }

    /// Checks that cell `n` is between 1 and `last` (an empty session has no cell 1).
    private func checkCell(_ n: Int, upTo last: Int) throws(CommandFailure) {
        guard n >= 1, n <= last else {
            let count = session.cells.count
            let hint = count == 0 ? "the session has no cells yet" : "the session has cells 1 to \(count); `history` lists them"
            throw CommandFailure("there is no cell \(n)", argument: 0, hint: hint)
        }
    }

    /// `replay DATE` as a nested command reads the store now (its argument is the third of `edit N replay DATE`).
    private func nestedReadingHistory(_ command: Command) throws(CommandFailure) -> Command {
        do { return try readingHistory(command) } catch { throw CommandFailure(error.message, argument: 2, hint: error.hint) }
    }

    /// Only commands that make cells can be put in the list (not `undo`, `save`, `edit` …).
    private func checkNested(_ command: Command) throws(CommandFailure) {
        switch command {
        case .undo, .redo, .history, .save, .load, .loadReplacing, .help, .quit, .edit, .insert, .drop, .show, .export, .data:
            throw CommandFailure("that command is about the session and never becomes a cell", argument: 1,
                                 hint: "edit and insert take commands such as `loss 800` or `set base 1.5%`")
        default:
            return
        }
    }
}
