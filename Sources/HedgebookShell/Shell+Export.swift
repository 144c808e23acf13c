import HedgebookModel

/// `export FILE.md`: the session as a Markdown notebook that `hedgebook check` can re-run.
extension Shell {
    func export(_ path: String, overwrite: Bool) throws(CommandFailure) -> Outcome {
        if !overwrite && FileStore.exists(path) {
            throw CommandFailure("\(path) already exists", argument: 0, hint: "`export! \(path)` replaces it")
        }
        let text = NotebookRenderer.render(session.cells)
        do { try FileStore.writeAtomically(text, to: path, overwrite: overwrite) } catch {
            throw CommandFailure(error.message, argument: 0)
        }
        savedInputs = session.cells.map(\.input)
        let commands = session.cells.filter { if case .note = $0.command { false } else { true } }.count
        let notes = session.cells.count - commands
        return Outcome(
            text: "exported \(commands) commands and \(notes) notes to \(path)",
            result: .object([("path", .string(path)), ("commands", .int(commands)), ("notes", .int(notes))]))
    }
}

/// `journal export FILE.csv`: the journal's dated entries as CSV, written atomically; an existing
/// file is never replaced unless `journal export! FILE`.
extension Shell {
    func exportJournal(_ path: String, overwrite: Bool) throws(CommandFailure) -> Outcome {
        guard !path.isEmpty else {
            throw CommandFailure("journal export needs a file name", argument: 0, hint: "`journal export ledger.csv`")
        }
        if !overwrite && FileStore.exists(path) {
            throw CommandFailure("\(path) already exists", argument: 1, hint: "`journal export! \(path)` replaces it")
        }
        let report: JournalReport
        do { report = try Evaluator.journalFold(session.state, log: session.log) } catch {
            throw error
        }
        do { try FileStore.writeAtomically(Evaluator.journalCSV(report), to: path, overwrite: overwrite) } catch {
            throw CommandFailure(error.message, argument: 1)
        }
        return Outcome(
            text: "exported \(report.ledger.count) journal entries to \(path)",
            result: .object([("path", .string(path)), ("entries", .int(report.ledger.count))]))
    }
}
