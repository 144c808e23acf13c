import Glibc
import HedgebookShell

/// The REPL's persistent history: one line per entry, plain UTF-8.
///
/// Lives in `$XDG_STATE_HOME/hedgebook/history` (default `~/.local/state/hedgebook/history`);
/// the folder is created 0700, the file 0600. Each accepted line is **appended** under a lock
/// (`history.lock` beside it, `flock`), so two REPLs keep each other's lines, as bash's
/// `histappend` does; when the file holds more than the limit (`HEDGEBOOK_HISTORY_SIZE`,
/// 1,000 by default, 0 for none) by a margin, it is cut to the newest entries, atomically, under
/// the same lock. A history that is (a link to) `/dev/null` or any device keeps history off.
struct HistoryFile {
    let folder: String
    let path: String
    let limit: Int

    /// Entries beyond the limit tolerated before the file is cut (so it is not rewritten per line).
    static let slack = 100

    /// The default location, or `nil` when neither `XDG_STATE_HOME` nor `HOME` is usable.
    static func standard() -> HistoryFile? {
        let state: String
        if let xdg = environment("XDG_STATE_HOME"), xdg.hasPrefix("/") {
            state = xdg
        } else if let home = environment("HOME"), home.hasPrefix("/") {
            state = home + "/.local/state"
        } else {
            return nil
        }
        let folder = state + "/hedgebook"
        return HistoryFile(folder: folder, path: folder + "/history",
                           limit: HistoryText.limit(fromEnvironment: environment("HEDGEBOOK_HISTORY_SIZE")))
    }

    /// True when history is off: a limit of 0, or the file is a device such as `/dev/null`.
    var isOff: Bool {
        if limit == 0 { return true }
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG
    }

    /// The saved entries, oldest first (none when the file does not exist yet or history is off).
    func load() -> [String] {
        guard !isOff, let text = try? FileStore.read(path) else { return [] }
        return HistoryText.entries(text, limit: limit)
    }

    /// Appends `line` under the lock, and cuts the file to the newest entries when it has grown
    /// past the limit; returns a reason on failure.
    func append(_ line: String) -> String? {
        guard !isOff else { return nil }
        do throws(FileError) {
            try FileStore.makeDirectories(folder, mode: 0o700)
            let lock = open(folder + "/history.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard lock >= 0 else { throw FileError.system("lock", folder + "/history.lock") }
            defer { close(lock) }
            while flock(lock, LOCK_EX) != 0 {
                guard errno == EINTR else { throw FileError.system("lock", folder + "/history.lock") }
            }
            let target = try FileStore.writeTarget(path)
            try FileStore.appendSynced(line + "\n", to: target, mode: 0o600)
            let entries = HistoryText.entries(try FileStore.read(target), limit: limit + Self.slack + 1)
            if entries.count > limit + Self.slack {
                try FileStore.writeAtomically(
                    entries.suffix(limit).map { $0 + "\n" }.joined(), to: path, overwrite: true, mode: 0o600, exactMode: true)
            }
            return nil
        } catch {
            return error.message
        }
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
