import HedgebookModel

/// The commands about the session itself: undo, redo, history, save, load, help.
extension Shell {
    func undo() -> Outcome {
        let before = session.state
        guard let removed = session.undo() else {
            return Outcome(text: "nothing to undo", result: .object([("undone", .array([]))]))
        }
        let first = session.cells.count + 1
        let what = removed.first { $0.changesState }?.input ?? removed[0].input
        let text = "undid cell \(first): \(what)" + change(from: before, to: session.state)
        return Outcome(text: text, result: .object([("undone", .array(removed.map { .string($0.input) })), ("cells", .int(session.cells.count))]))
    }

    func redo() -> Outcome {
        let before = session.state
        guard let redone = session.redo() else {
            return Outcome(text: "nothing to redo", result: .object([("redone", .array([]))]))
        }
        let what = redone.first { $0.changesState }?.input ?? redone[0].input
        let text = "redid \(what)" + change(from: before, to: session.state)
        return Outcome(text: text, result: .object([("redone", .array(redone.map { .string($0.input) })), ("cells", .int(session.cells.count))]))
    }

    /// " (step 2 → 1, equity $99,100.00 → $100,000.00)" or "" when the key state did not move.
    func change(from a: SessionState, to b: SessionState) -> String {
        var parts: [String] = []
        if a.account.step != b.account.step { parts.append("step \(a.account.step) → \(b.account.step)") }
        if a.account.equity != b.account.equity {
            parts.append("equity \(Fmt.money(a.account.equity)) → \(Fmt.money(b.account.equity))")
        }
        if a.account.cycle != b.account.cycle { parts.append("cycle \(a.account.cycle) → \(b.account.cycle)") }
        if a.date != b.date { parts.append("date \(a.date) → \(b.date)") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    func history() -> Outcome {
        let width = String(session.cells.count).count
        let lines = session.cells.enumerated().map { i, cell in
            let n = String(i + 1)
            return String(repeating: " ", count: width - n.count) + n + "  " + cell.input
        }
        return Outcome(
            text: lines.isEmpty ? "no cells yet" : lines.joined(separator: "\n"),
            result: .object([("cells", .array(session.cells.map { .string($0.input) }))]))
    }

    func save(_ path: String, overwrite: Bool) throws(CommandFailure) -> Outcome {
        let script = session.script
        do { try FileStore.writeAtomically(script, to: path, overwrite: overwrite) } catch {
            throw CommandFailure(error.message, argument: 0,
                                 hint: overwrite || !FileStore.exists(path) ? nil : "`save! \(path)` replaces it")
        }
        savedInputs = session.cells.map(\.input)
        return Outcome(
            text: "saved \(session.cells.count) cells to \(path)",
            result: .object([("path", .string(path)), ("cells", .int(session.cells.count))]))
    }

    /// Replays a script into the session, all or nothing: on the first error the cells it added
    /// are taken back and the error says `file:line:column`.
    func load(_ path: String) throws(CommandFailure) -> Outcome {
        guard loadDepth < Shell.maximumLoadDepth else {
            throw CommandFailure("scripts load each other more than \(Shell.maximumLoadDepth) deep", argument: 0)
        }
        let text: String
        do { text = try FileStore.read(path) } catch { throw CommandFailure(error.message, argument: 0) }
        let mark = session.cells.count
        if loadDepth == 0 { loadStart = mark }
        loadDepth += 1
        defer { loadDepth -= 1 }
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if Interruption.requested() {
                session.rollBack(to: mark)
                throw CommandFailure("loading \(path) stopped by Ctrl-C at line \(lineNumber); nothing of it was kept", argument: 0)
            }
            let result = execute(String(line), lineNumber: lineNumber, source: path)
            if session.cells.count - loadStart > loadCellLimit {
                session.rollBack(to: mark)
                throw CommandFailure("loading \(path) would add more than \(grouped(loadCellLimit)) cells "
                                     + "(counting the scripts it loads); nothing of it was kept", argument: 0)
            }
            if !result.ok {
                session.rollBack(to: mark)
                if Interruption.requested() {
                    throw CommandFailure("loading \(path) stopped by Ctrl-C at line \(lineNumber); nothing of it was kept", argument: 0)
                }
                throw CommandFailure(
                    "\(path) stopped at line \(lineNumber); nothing of it was kept:\n" + result.error, argument: 0)
            }
            if result.quit { break }
        }
        let added = session.cells.count - mark
        return Outcome(
            text: "loaded \(added) cells from \(path)" + (added > 0 ? " (now at cell \(session.cells.count))" : ""),
            result: .object([("path", .string(path)), ("cells", .int(added))]))
    }

    /// `load! FILE`: the file's cells replace the session's; on a failure nothing changes.
    func loadReplacing(_ path: String) throws(CommandFailure) -> Outcome {
        let scratch = Shell()
        scratch.unicode = unicode
        scratch.loadCellLimit = loadCellLimit
        let loaded = try scratch.load(path)
        let replaced = session.cells.count
        session = scratch.session
        branches.replaceCurrent(session)
        let n = session.cells.count
        return Outcome(
            text: "replaced this session's \(replaced) cells with the \(n) cells of \(path)",
            result: .object([("path", .string(path)), ("cells", .int(n)), ("replaced", .int(replaced))]),
            quit: loaded.quit)
    }

    func help(_ topic: String?) throws(CommandFailure) -> Outcome {
        guard let topic else {
            let text = CommandTable.helpText()
            return Outcome(text: text, result: .object([("help", .string(text))]))
        }
        guard let text = CommandTable.helpText(for: topic) else {
            throw CommandFailure("no help for \(topic)", argument: 0, hint: "`help` lists every command")
        }
        return Outcome(text: text, result: .object([("help", .string(text))]))
    }
}
