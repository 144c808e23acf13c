import Glibc
import HedgebookShell

/// The REPL's persistent history: one line per entry, plain UTF-8.
///
/// Lives in `$XDG_STATE_HOME/hedgebook/history` (default `~/.local/state/hedgebook/history`);
/// the folder is created 0700, the file 0600, and every save replaces it atomically
/// through ``FileStore/writeAtomically(_:to:overwrite:mode:exactMode:)``.
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
        do {
            try FileStore.makeDirectories(folder, mode: 0o700)
            try FileStore.writeAtomically(
                entries.map { $0 + "\n" }.joined(), to: path, overwrite: true, mode: 0o600, exactMode: true)
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
