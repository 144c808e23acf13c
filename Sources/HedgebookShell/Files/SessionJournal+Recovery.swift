/// Which journals an earlier hedgebook left behind, and the recorder that writes one.
extension SessionJournal {
    /// The pid a journal's file name carries (`4242.journal`), or `nil` for any other name.
    public static func pid(ofJournalNamed name: String) -> Int32? {
        guard name.hasSuffix(".journal") else { return nil }
        let digits = name.dropLast(".journal".count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        guard let pid = Int32(digits), pid > 0 else { return nil }
        return pid
    }

    /// The journals among `names` whose process is gone: not ours, and `isAlive(pid, name)` false.
    public static func unclosed(
        names: [String], ownPid: Int32, isAlive: (Int32, String) -> Bool
    ) -> [String] {
        names.filter { name in
            guard let pid = pid(ofJournalNamed: name), pid != ownPid else { return false }
            return !isAlive(pid, name)
        }.sorted()
    }

    /// Newest first (by the header's start time, then by name) among journals read back.
    public static func newestFirst(_ journals: [(name: String, contents: Contents)]) -> [(name: String, contents: Contents)] {
        journals.sorted { a, b in
            a.contents.started != b.contents.started ? a.contents.started > b.contents.started : a.name > b.name
        }
    }
}

/// Turns the changes a line made to a session's cell list into journal records.
///
/// It remembers the inputs it last wrote; ``changes(in:)`` compares them with the session's
/// cells, so whatever changed the list (a new cell, `undo`, `edit`, `load`, a branch switch,
/// `recover`) is journalled the same way.
public struct JournalRecorder: Sendable {
    /// The cell inputs the journal holds so far.
    public private(set) var inputs: [String]

    /// A recorder for a journal that holds `inputs` already (none for a new journal).
    public init(inputs: [String] = []) { self.inputs = inputs }

    /// The records (text to append) that bring the journal to `session`'s cells; "" when none.
    public mutating func changes(in session: Session) -> String {
        let now = session.cells.map(\.savedInput)
        guard now != inputs else { return "" }
        let text = SessionJournal.records(from: inputs, to: now).map(\.line).joined()
        inputs = now
        return text
    }
}

/// Where `recover` finds a session an earlier hedgebook did not close (the REPL's journal folder).
public protocol RecoverySource: AnyObject {
    /// How many cells the shell had when it started (its `date` cell): `recover` replaces no more.
    var startCells: Int { get }
    /// The newest unclosed session's journal text, held for this process; `nil` when there is none.
    func claim() throws(FileError) -> String?
    /// The claimed session is restored: its journal may go once the new journal holds its cells.
    func restored()
    /// The claimed session could not be restored: leave its journal for another time.
    func release()
    /// What is wrong with the newest unclosed session's journal (not the user's own, writable by
    /// others, unreadable, a newer format), or `nil` when it can be recovered.
    var problem: String? { get }
    /// The claimed session was restored up to a cell that stopped the replay: its journal is
    /// kept aside (no longer offered) and this returns where, or `nil` when it is gone.
    func restoredPartly() -> String?
}

extension RecoverySource {
    public var problem: String? { nil }
    public func restoredPartly() -> String? {
        restored()
        return nil
    }
}
