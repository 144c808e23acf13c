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
