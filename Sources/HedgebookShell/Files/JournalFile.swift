#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The REPL's session journal on disk, and the unclosed journals earlier processes left.
///
/// `FOLDER/<pid>.journal`, mode 0600 in a 0700 folder, created under a temporary name, locked
/// (`flock`) and only then renamed, so a journal that is visible and unlocked belongs to no
/// live hedgebook. A journal is unclosed when its pid is gone (`kill(pid, 0)` fails with
/// ESRCH) or its lock is free (the pid was reused, say after a reboot).
public final class JournalFile: RecoverySource {
    /// The file this session appends to.
    public let path: String
    public let startCells: Int
    /// Unclosed sessions worth recovering, newest first; one that cannot be recovered (not the
    /// user's own, writable by others, unreadable, a newer format) carries what is wrong.
    public private(set) var unclosed: [Unclosed] = []

    /// A journal an earlier process left: its contents, or what keeps it from being recovered.
    public struct Unclosed: Sendable {
        public var name: String
        public var contents: SessionJournal.Contents
        public var problem: String?
    }
    private let folder: String
    private var fd: Int32
    private var recorder = JournalRecorder()
    /// The journal `recover` is restoring, locked by this process, removed after the next sync.
    private var claimed: (path: String, fd: Int32, restored: Bool)?

    /// Creates this process's journal in `folder` (made 0700 where missing) holding `session`'s
    /// cells, and looks for unclosed ones.
    public init(folder: String, session: Session) throws(FileError) {
        self.folder = folder
        try FileStore.makeDirectories(folder, mode: 0o700)
        if let problem = Self.untrusted(folder, directory: true) {
            throw FileError("the journal folder \(folder) is not safe: \(problem)", reason: problem)
        }
        let pid = getpid()
        path = folder + "/\(pid).journal"
        startCells = session.cells.count
        let temporary = folder + "/.\(pid).journal.tmp"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system("create", temporary) }
        guard fchmod(fd, 0o600) == 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let failure = FileError.system("lock", temporary)
            Glibc.close(fd); unlink(temporary)
            throw failure
        }
        unclosed = findUnclosed(ownPid: pid)
        do throws(FileError) {
            try append(SessionJournal.header(started: Self.now()) + recorder.changes(in: session))
            guard rename(temporary, path) == 0 else { throw .system("create", path) }
        } catch {
            Glibc.close(fd); unlink(temporary)
            throw error
        }
        FileStore.syncDirectory(folder)
    }

    /// What to say at start when an unclosed session is waiting, or `nil`.
    public var offer: String? {
        guard let first = unclosed.first else { return nil }
        guard let problem = first.problem else { return SessionJournal.offer(first.contents, others: unclosed.count - 1) }
        return Display.neutralised("a session was not closed cleanly, but its journal \(folder)/\(first.name) cannot be recovered: "
            + problem + "; it is left as it is (`recover` says so again and moves on)")
    }

    public var problem: String? { unclosed.first?.problem }

    /// Appends what changed in `session`'s cells since the last sync and fsyncs it; then
    /// removes a journal `recover` restored, now that this one holds its cells.
    public func sync(_ session: Session) throws(FileError) {
        let text = recorder.changes(in: session)
        if !text.isEmpty { try append(text) }
        if let old = claimed, old.restored {
            unlink(old.path)
            Glibc.close(old.fd)
            claimed = nil
            FileStore.syncDirectory(folder)
        }
    }

    /// A clean exit: the journal goes.
    public func close() {
        unlink(path)
        Glibc.close(fd)
        fd = -1
        FileStore.syncDirectory(folder)
    }

    /// An exit that is not clean (the terminal went away): the journal stays for `recover`.
    public func abandon() {
        Glibc.close(fd)
        fd = -1
    }

    public func claim() throws(FileError) -> String? {
        guard let newest = unclosed.first else { return nil }
        if let problem = Self.untrusted(folder + "/" + newest.name, directory: false) {
            unclosed.removeFirst()
            throw FileError("the unclosed session's journal \(newest.name) cannot be recovered: \(problem); it is left as it is")
        }
        let oldPath = folder + "/" + newest.name
        let oldFd = open(oldPath, O_RDONLY | O_CLOEXEC)
        guard oldFd >= 0 else { unclosed.removeFirst(); throw .system("open", oldPath) }
        guard flock(oldFd, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(oldFd)
            unclosed.removeFirst()
            throw FileError("another hedgebook is recovering \(oldPath)")
        }
        do {
            let text = try FileStore.read(oldPath)
            claimed = (oldPath, oldFd, false)
            return text
        } catch {
            Glibc.close(oldFd)
            throw error
        }
    }

    public func restored() {
        claimed?.restored = true
        if !unclosed.isEmpty { unclosed.removeFirst() }
    }

    public func restoredPartly() -> String? {
        guard let old = claimed else { return nil }
        let aside = old.path + ".stopped"
        let moved = rename(old.path, aside) == 0
        Glibc.close(old.fd)
        claimed = nil
        if !unclosed.isEmpty { unclosed.removeFirst() }
        FileStore.syncDirectory(folder)
        return moved ? aside : old.path
    }

    public func release() {
        if let old = claimed { Glibc.close(old.fd) }
        claimed = nil
        if !unclosed.isEmpty { unclosed.removeFirst() }
    }

    // MARK: - Glibc

    private func append(_ text: String) throws(FileError) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system("write", path)
            }
            bytes = bytes.dropFirst(n)
        }
        guard fsync(fd) == 0 else { throw .system("sync", path) }
    }

    /// Unclosed journals worth recovering, newest first; empty ones are removed. One that cannot
    /// be recovered is offered with its problem, never skipped silently, never removed.
    private func findUnclosed(ownPid: Int32) -> [Unclosed] {
        let names = SessionJournal.unclosed(names: Self.names(in: folder), ownPid: ownPid) { pid, name in
            Self.isAlive(pid, path: folder + "/" + name)
        }
        var found: [(name: String, contents: SessionJournal.Contents)] = []
        var problems: [Unclosed] = []
        for name in names {
            let file = folder + "/" + name
            if let problem = Self.untrusted(file, directory: false) {
                problems.append(Unclosed(name: name, contents: .init(started: "", cells: []), problem: problem))
                continue
            }
            let contents: SessionJournal.Contents
            do {
                contents = try SessionJournal.read(try FileStore.read(file))
            } catch let error as FileError {
                problems.append(Unclosed(name: name, contents: .init(started: "", cells: []), problem: error.reason ?? error.message))
                continue
            } catch let error as SessionJournal.ReadError {
                problems.append(Unclosed(name: name, contents: .init(started: "", cells: []), problem: error.message))
                continue
            } catch {
                continue
            }
            if contents.isWorthRecovering { found.append((name, contents)) } else { unlink(file) }
        }
        return SessionJournal.newestFirst(found).map { Unclosed(name: $0.name, contents: $0.contents, problem: nil) } + problems
    }

    /// Why hedgebook does not trust `path` (a journal, or with `directory` the journals' folder):
    /// not a plain file (or folder), not the user's own, or writable by others; `nil` when it is fine.
    static func untrusted(_ path: String, directory: Bool) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }  // gone: nothing to say
        let type = st.st_mode & S_IFMT
        if directory ? type != S_IFDIR : type != S_IFREG {
            return directory ? "it is not a plain folder" : "it is not a regular file"
        }
        if st.st_uid != geteuid() { return "it belongs to another user (uid \(st.st_uid))" }
        if (st.st_mode & 0o022) != 0 { return "others can write to it (mode \(String(st.st_mode & 0o777, radix: 8)))" }
        return nil
    }

    /// True while a process `pid` exists and holds the journal's lock.
    static func isAlive(_ pid: Int32, path: String) -> Bool {
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        let probe = open(path, O_RDONLY | O_CLOEXEC)
        guard probe >= 0 else { return true }  // cannot tell: leave it alone
        defer { Glibc.close(probe) }
        return flock(probe, LOCK_EX | LOCK_NB) != 0
    }

    static func names(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            names.append(name)
        }
        return names
    }

    /// Local time as "2026-11-20 14:03".
    static func now() -> String {
        var clock = time(nil)
        var t = tm()
        guard localtime_r(&clock, &t) != nil else { return "" }
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(t.tm_year + 1900)-\(two(t.tm_mon + 1))-\(two(t.tm_mday)) \(two(t.tm_hour)):\(two(t.tm_min))"
    }
}
