/// `recover`: restore the session an earlier hedgebook did not close, from its journal.
///
/// Only cells are replayed — commands a session records (state changes, queries and notes),
/// none of which reads or writes a file. Anything else a journal holds (`save!`, `load`,
/// `export`, `payoff --svg`, `undo` …) is refused and named: a journal is a file, and a file
/// may have been written by someone else. The replay stops at the first cell that is refused
/// or fails; the cells before it are recovered, and the message says where it stopped.
extension Shell {
    /// Replays the newest unclosed journal into this (fresh) session.
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
        if let problem = source.problem {
            source.release()
            throw .command("the unclosed session's journal cannot be recovered: \(Display.neutralised(problem)); it is kept as it was")
        }
        let text: String?
        do { text = try source.claim() } catch { throw .command(Display.neutralised(error.message)) }
        guard let text else {
            return Outcome(text: "nothing to recover: every earlier session was closed cleanly",
                           result: .object([("recovered", .int(0))]))
        }
        let contents: SessionJournal.Contents
        do { contents = try SessionJournal.read(text) } catch {
            source.release()
            throw .command("the unclosed session's journal cannot be read (\(error.message)); it is kept as it was")
        }
        // Replay on a scratch shell, so a stop (Ctrl-C) leaves this session as it was.
        let scratch = Shell()
        scratch.unicode = unicode
        var stopped: (cell: Int, reason: String)?
        for (index, input) in contents.cells.enumerated() {
            if Interruption.requested() {
                source.release()
                throw Interruption.failure("recover at cell \(index + 1) of \(contents.cells.count):")
            }
            if let refusal = Self.refusal(input) {
                stopped = (index + 1, refusal)
                break
            }
            let result = scratch.execute(input, lineNumber: index + 1, source: "journal")
            guard result.ok else {
                stopped = (index + 1, "it no longer runs:\n" + result.error)
                break
            }
        }
        session = scratch.session
        branches = Branches(main: session)
        let a = session.state.account
        var summary = "recovered \(session.cells.count) "
        if stopped != nil { summary += "of \(contents.cells.count) " }
        summary += "cells"
        if !contents.started.isEmpty { summary += " of the session from \(Display.neutralised(contents.started))" }
        if a.hasAccount { summary += " (step \(a.step), equity \(Fmt.money(a.equity)))" }
        if let stopped {
            let kept = source.restoredPartly()
            let cell = contents.cells[stopped.cell - 1]
            let shown = cell.count > 200 ? String(cell.prefix(200)) + "…" : cell
            summary += "\nstopped at cell \(stopped.cell) (`\(Display.neutralised(shown))`): "
                + stopped.reason
            if let kept { summary += "\nthe journal is kept as \(Display.neutralised(kept))" }
        } else {
            source.restored()
        }
        var json: [(String, JSONValue)] = [
            ("recovered", .int(session.cells.count)), ("started", .string(contents.started)),
        ]
        if let stopped { json.append(("stoppedAt", .int(stopped.cell))) }
        return Outcome(text: summary, result: .object(json))
    }

    /// Why `input` is not replayed, or `nil` for a cell: one command that a session records.
    static func refusal(_ input: String) -> String? {
        if note(in: input) != nil { return nil }
        guard case .success(let commands) = Parser.parse(line: input) else { return nil }  // fails when run
        guard commands.count == 1 else { return "a cell holds one command; this holds \(commands.count)" }
        switch commands[0].command {
        case .save, .export, .journalExport: return "it writes a file, which recover never does"
        case .payoff(let r) where r.svg != nil: return "it writes a file, which recover never does"
        case .backtest(let r) where r.svg != nil: return "it writes a file, which recover never does"
        case .data: return "it changes the market store, which recover never does"
        case .load, .loadReplacing: return "it reads a file, which recover never does"
        case .recover, .quit, .undo, .redo, .history, .help, .edit, .insert, .drop, .show,
             .fork, .switchBranch, .branches, .compare:
            return "it is not a cell a session records, so recover does not run it"
        default: return nil
        }
    }
}
