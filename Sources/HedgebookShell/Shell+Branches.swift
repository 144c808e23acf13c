import HedgebookModel

/// `fork`, `switch`, `branches`: the session's branches. They are about the session (like
/// `undo`), so they are not cells; `save` writes the current branch.
extension Shell {
    func fork(_ name: String, _ parsed: ParsedCommand) throws(CommandFailure) -> Outcome {
        if let refusal = branches.refusal(forNew: name) { throw refusal }
        let from = branches.current
        let copy = session.copy()
        branches.add(name, copy)
        branches.select(name)
        session = copy
        return Outcome(
            text: "forked \(from) into \(name) at cell \(copy.cells.count) and switched to it; `switch \(from)` goes back",
            result: .object([("branch", .string(name)), ("from", .string(from)), ("cells", .int(copy.cells.count))]))
    }

    func switchBranch(_ name: String) throws(CommandFailure) -> Outcome {
        guard let target = branches.session(name) else { throw branches.unknown(name) }
        let before = session.state
        branches.select(name)
        session = target
        return Outcome(
            text: "on branch \(name) (\(target.cells.count) cells)" + change(from: before, to: target.state),
            result: .object([("branch", .string(name)), ("cells", .int(target.cells.count))]))
    }

    func listBranches() -> Outcome {
        var rows: [[String]] = []
        var json: [JSONValue] = []
        for name in branches.names {
            guard let s = branches.session(name) else { continue }
            let a = s.state.account
            let mark = name == branches.current ? "*" : " "
            rows.append([mark + " " + name, String(s.cells.count), a.hasAccount ? Fmt.money(a.equity) : "—",
                         a.hasAccount ? String(a.step) : "—"])
            json.append(.object([
                ("name", .string(name)), ("current", .bool(name == branches.current)), ("cells", .int(s.cells.count)),
                ("equity", a.hasAccount ? .num(a.equity) : .null), ("step", a.hasAccount ? .int(a.step) : .null),
            ]))
        }
        let table = Table(header: ["branch", "cells", "equity", "step"], rows: rows,
                          alignment: [.left, .right, .right, .right])
        return Outcome(text: table.render(), result: .object([("branches", .array(json)), ("current", .string(branches.current))]))
    }
}
