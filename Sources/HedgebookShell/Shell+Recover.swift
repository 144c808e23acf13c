/// `recover`: restore the session an earlier hedgebook did not close, from its journal.
extension Shell {
    /// Replays the newest unclosed journal into this (fresh) session, all or nothing.
    func recover() throws(CommandFailure) -> Outcome {
        guard let source = recovery else {
            return Outcome(text: "nothing to recover here: only the interactive hedgebook keeps a session journal",
                           result: .object([("recovered", .int(0))]))
        }
        guard session.cells.count <= source.startCells else {
            throw .command(
                "recover replaces this session, which has \(session.cells.count) cells of its own",
                hint: "start hedgebook again and type `recover` first; the unclosed session is kept until then")
        }
        let text: String?
        do { text = try source.claim() } catch { throw .command(error.message) }
        guard let text else {
            return Outcome(text: "nothing to recover: every earlier session was closed cleanly",
                           result: .object([("recovered", .int(0))]))
        }
        let contents: SessionJournal.Contents
        do { contents = try SessionJournal.read(text) } catch {
            source.release()
            throw .command("the unclosed session's journal cannot be read (\(error)); it is kept as it was")
        }
        // Replay on a scratch shell first, so a cell this hedgebook no longer accepts changes nothing.
        let scratch = Shell()
        for (index, input) in contents.cells.enumerated() {
            let result = scratch.execute(input, lineNumber: index + 1, source: "journal")
            guard result.ok else {
                source.release()
                throw .command("cell \(index + 1) of the unclosed session no longer runs; nothing was recovered:\n"
                               + result.error, hint: "the journal is kept as it was")
            }
        }
        session.rollBack(to: 0)
        for (index, input) in contents.cells.enumerated() {
            _ = execute(input, lineNumber: index + 1, source: "journal")
        }
        source.restored()
        let a = session.state.account
        var summary = "recovered \(session.cells.count) cells"
        if !contents.started.isEmpty { summary += " of the session from \(contents.started)" }
        if a.hasAccount { summary += " (step \(a.step), equity \(Fmt.money(a.equity)))" }
        return Outcome(text: summary, result: .object([
            ("recovered", .int(session.cells.count)), ("started", .string(contents.started)),
        ]))
    }
}
