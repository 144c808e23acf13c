import HedgebookModel

/// Ctrl-C during a long command (`simulate`, `sweep`, `load`, `recover`).
///
/// The terminal's hook (``Shell/cancelRequested``) says whether Ctrl-C was pressed since it
/// last looked; long loops ask ``requested()`` between chunks of work (a line of a script, a
/// value of a sweep, a cell of a journal, a tick of a simulation), so a command stops within a
/// second, keeps the session as it was, and says so. Once seen, the interrupt stays seen for
/// the rest of the line, so every loop of a nested `load` stops. The line's interruption is a
/// task-local value: shells running side by side (tests) do not share it.
final class Interruption: @unchecked Sendable {
    @TaskLocal static var current: Interruption?

    private let poll: (() -> Bool)?
    private var seen = false

    init(poll: (() -> Bool)?) { self.poll = poll }

    /// True once Ctrl-C was pressed during this line.
    static func requested() -> Bool {
        guard let line = current else { return false }
        if !line.seen, let poll = line.poll, poll() { line.seen = true }
        return line.seen
    }

    /// The failure a stopped command reports.
    static func failure(_ what: String) -> CommandFailure {
        .command("\(what) stopped by Ctrl-C; the session is unchanged")
    }

    /// A Monte Carlo observer that only asks for Ctrl-C (for runs without a progress bar).
    static func observer(_ fraction: Double) -> Bool { requested() }
}
