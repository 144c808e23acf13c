import HedgebookModel

/// A session: the list of accepted cells, and the state that is their fold.
///
/// A failed command changes nothing and is not recorded. The state after every
/// ``snapshotInterval``-th cell is kept, so `undo` at the end of a long session restores the
/// nearest snapshot and re-folds at most that many cells instead of starting from zero.
public final class Session {
    /// Cells are snapshotted every this many cells.
    public static let snapshotInterval = 64

    /// The accepted cells, in order (cell N is `cells[N - 1]`).
    public private(set) var cells: [Cell] = []
    /// The fold of ``cells``.
    public private(set) var state: SessionState
    /// Every dated journal entry the cells made, in order; a state owns the first `journalCount`.
    public private(set) var log: [JournalEntry] = []
    /// Cells taken back by `undo`, most recent last, for `redo`.
    var undone: [[Cell]] = []
    /// `snapshots[i]` is the state after `i × snapshotInterval` cells.
    private var snapshots: [SessionState]

    /// A new session starting from `initial`.
    public init(initial: SessionState = SessionState()) {
        state = initial
        snapshots = [initial]
    }

    /// Evaluates `command`; on success appends it as a cell and returns it.
    /// On failure nothing changes. A new cell clears the redo stack.
    /// A query's `report` computed by the caller (a `simulate` with a progress bar) is recorded as is.
    @discardableResult
    public func accept(_ command: Command, input: String, report precomputed: Report? = nil) throws(CommandFailure) -> Cell {
        let cell = try evaluate(command, input: input, report: precomputed)
        undone.removeAll()
        return cell
    }

    /// An independent copy for a fork: the same cells, state, log and snapshots; no redo.
    public func copy() -> Session {
        let twin = Session(initial: snapshots[0])
        twin.cells = cells
        twin.state = state
        twin.log = log
        twin.snapshots = snapshots
        return twin
    }

    private func evaluate(_ command: Command, input: String, report precomputed: Report? = nil) throws(CommandFailure) -> Cell {
        var next = state
        var appended: [JournalEntry] = []
        let report: Report
        if let precomputed {
            report = precomputed
        } else {
            report = try Evaluator.evaluate(command, state: &next, log: log, appending: &appended, cells: cells)
        }
        let changes = Evaluator.changesState(command)
        if changes { Evaluator.recordFiredTriggers(&next) }
        var cell = Cell(
            input: input, command: command, changesState: changes, output: report.text,
            result: .object(report.result), explainer: report.explainer)
        cell.script = report.script
        log.append(contentsOf: appended)
        next.journalCount = log.count
        state = next
        cells.append(cell)
        if cells.count % Session.snapshotInterval == 0 { snapshots.append(state) }
        return cell
    }

    /// Takes back the last state-changing cell and the queries after it; returns them, or `nil`
    /// when there is nothing to undo.
    public func undo() -> [Cell]? {
        guard let last = cells.lastIndex(where: { $0.changesState }) else { return nil }
        let removed = Array(cells[last...])
        truncate(to: last)
        undone.append(removed)
        return removed
    }

    /// Re-applies the cells the last `undo` took back; returns them, or `nil` when there is nothing to redo.
    public func redo() -> [Cell]? {
        guard let cellsBack = undone.popLast() else { return nil }
        for cell in cellsBack { refold(cell) }
        return cellsBack
    }

    /// Takes back every cell after the first `count` without keeping them for `redo`
    /// (a failed `load` uses it).
    public func rollBack(to count: Int) {
        guard count < cells.count else { return }
        truncate(to: count)
    }

    /// Keeps the first `count` cells: restores the nearest snapshot and re-folds the rest.
    private func truncate(to count: Int) {
        let snapshotIndex = count / Session.snapshotInterval
        snapshots.removeSubrange((snapshotIndex + 1)...)
        let replay = Array(cells[(snapshotIndex * Session.snapshotInterval)..<count])
        cells.removeSubrange((snapshotIndex * Session.snapshotInterval)...)
        state = snapshots[snapshotIndex]
        log.removeSubrange(state.journalCount...)
        for cell in replay { refold(cell) }
    }

    /// Puts back a cell that succeeded before on this same state: a change is re-evaluated for
    /// its state (cheap), a query is kept as it was (a `simulate` or `grid` is not run again).
    private func refold(_ cell: Cell) {
        guard cell.changesState else {
            cells.append(cell)
            if cells.count % Session.snapshotInterval == 0 { snapshots.append(state) }
            return
        }
        // Re-evaluating a cell that succeeded before on the same state cannot fail.
        _ = try? evaluate(cell.command, input: cell.input)
    }

    /// The accepted cells as a script that replays this session.
    public var script: String {
        cells.map { $0.savedInput + "\n" }.joined()
    }
}
