import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

/// The journal on disk: modes, appends, finding a dead process's journal, locks, clean close.
@Suite struct JournalFileTests {
    let folder = NSTemporaryDirectory() + "hedgebook-journal-" + UUID().uuidString + "/sessions"
    /// A pid no process can have (above Linux's pid_max): kill(pid, 0) fails with ESRCH.
    static let deadPid: Int32 = 2_147_483_000

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func write(_ text: String, pid: Int32) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: folder + "/\(pid).journal", atomically: false, encoding: .utf8)
    }

    @Test("The journal is 0600 in a 0700 folder, holds the cells after each sync, and goes on close")
    func lifecycle() throws {
        let shell = Shell(today: CalendarDate(year: 2026, month: 11, day: 20))
        let journal = try JournalFile(folder: folder, session: shell.session)
        #expect(journal.path == folder + "/\(getpid()).journal")
        #expect(try mode(journal.path) == 0o600)
        #expect(try mode(folder) == 0o700)
        _ = shell.execute("account 100000; loss 900")
        try journal.sync(shell.session)
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(try SessionJournal.read(text).cells == ["date 2026-11-20", "account 100000", "loss 900"])
        #expect(journal.offer == nil)
        journal.close()
        #expect(!FileManager.default.fileExists(atPath: journal.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("A dead process's journal is offered, recovered, and removed after the next sync")
    func recoverFromDisk() throws {
        try write("hedgebook journal 1; started 2026-11-19 09:30\n+ date 2026-11-19\n+ account 100000\n+ loss 900\n",
                  pid: Self.deadPid)
        let shell = Shell(today: CalendarDate(year: 2026, month: 11, day: 20))
        let journal = try JournalFile(folder: folder, session: shell.session)
        defer { journal.close() }
        shell.recovery = journal
        #expect(journal.offer == "a session from 2026-11-19 09:30 with 3 cells was not closed cleanly: type `recover` to restore it")
        #expect(shell.execute("recover").ok)
        #expect(shell.session.state.account.step == 2)
        #expect(FileManager.default.fileExists(atPath: folder + "/\(Self.deadPid).journal"), "kept until the new journal holds it")
        try journal.sync(shell.session)
        #expect(!FileManager.default.fileExists(atPath: folder + "/\(Self.deadPid).journal"))
        let mine = try SessionJournal.read(String(contentsOfFile: journal.path, encoding: .utf8))
        #expect(mine.cells == ["date 2026-11-19", "account 100000", "loss 900"])
        #expect(journal.offer == nil)
        #expect(try journal.claim() == nil, "nothing else waits")
    }

    @Test("A live pid whose journal is locked is left alone; a live pid with a free lock was reused")
    func liveness() throws {
        let parent = getppid()
        try write("hedgebook journal 1; started 2026-11-19 09:30\n+ account 1\n", pid: parent)
        let path = folder + "/\(parent).journal"
        let fd = open(path, O_RDONLY)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let first = try JournalFile(folder: folder, session: Session())
        #expect(first.offer == nil, "its owner holds the lock")
        first.close()
        close(fd)
        let second = try JournalFile(folder: folder, session: Session())
        defer { second.close() }
        #expect(second.offer != nil, "the lock is free: the pid belongs to another program now")
    }

    @Test("An empty dead journal is removed quietly; an unreadable one is kept and offered with what is wrong")
    func emptyAndUnreadable() throws {
        try write("hedgebook journal 1; started x\n+ date 2026-11-19\n", pid: Self.deadPid)
        try write("hedgebook journal 7; started x\n+ account 1\n", pid: Self.deadPid - 1)
        let journal = try JournalFile(folder: folder, session: Session())
        defer { journal.close() }
        #expect(journal.offer?.contains("cannot be recovered: it is written in journal format 7") == true)
        #expect(!FileManager.default.fileExists(atPath: folder + "/\(Self.deadPid).journal"))
        #expect(FileManager.default.fileExists(atPath: folder + "/\(Self.deadPid - 1).journal"))
    }

    @Test("A folder that cannot be made says why")
    func unwritableFolder() throws {
        let file = NSTemporaryDirectory() + "hedgebook-notafolder-" + UUID().uuidString
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: FileError.self) { try JournalFile(folder: file + "/sessions", session: Session()) }
        do { _ = try JournalFile(folder: file + "/sessions", session: Session()) } catch {
            #expect(error.message.contains("Not a directory"))
        }
    }
}
