import Glibc

/// The REPL's persistent history: one line per entry, plain UTF-8.
///
/// Lives in `$XDG_STATE_HOME/hedgebook/history` (default `~/.local/state/hedgebook/history`);
/// the folder is created 0700, the file 0600, and every save replaces it atomically
/// (a temporary file in the same folder, fsync, rename).
struct HistoryFile {
    let folder: String
    let path: String

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
        return HistoryFile(folder: folder, path: folder + "/history")
    }

    /// The saved entries, oldest first (none when the file does not exist yet).
    func load() -> [String] {
        guard let text = try? FileReader.text(atPath: path) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Replaces the file with `entries`; returns a reason on failure.
    func save(_ entries: [String]) -> String? {
        if let failure = makeFolders() { return failure }
        let temporary = folder + "/.history.\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "\(temporary): \(FileReader.lastError())" }
        fchmod(fd, 0o600)  // in case a stale temporary file had other permissions
        var stream = FileStream(descriptor: fd)
        stream.write(entries.map { $0 + "\n" }.joined())
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            let reason = FileReader.lastError()
            unlink(temporary)
            return "\(path): \(reason)"
        }
        return nil
    }

    /// Creates each missing folder on the way with mode 0700.
    private func makeFolders() -> String? {
        var current = ""
        for component in folder.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                return "\(current): \(FileReader.lastError())"
            }
        }
        return nil
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
