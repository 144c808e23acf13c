/// The session journal's text: what the REPL appends after every line, and how it reads back.
///
/// A journal is a header line, then records, one per line:
///
/// ```
/// hedgebook journal 1; started 2026-11-20 14:03:11
/// + date 2026-11-20
/// + account 100000
/// + loss 900
/// - 2
/// + loss 800
/// ```
///
/// `+ INPUT` appends a cell with that input; `- N` keeps only the first N cells (what `undo`,
/// `edit`, `drop` or `recover` did to the list). Folding the records gives the cell list, and
/// replaying its inputs gives the state, exactly as `load` of a saved session would. A last
/// line without its newline is a write the crash cut short; its output was never shown, so it
/// is ignored. Pure: no files here.
public enum SessionJournal {
    /// The version this hedgebook writes and reads.
    public static let version = 1
    static let magic = "hedgebook journal "

    /// The first line of a new journal (with its newline).
    public static func header(started: String) -> String {
        magic + "\(version); started \(started)\n"
    }

    /// One change to the cell list.
    public enum Record: Equatable, Sendable {
        /// Keep the first N cells.
        case keep(Int)
        /// Append a cell with this input.
        case append(String)

        /// The record's line (with its newline); inputs escape `\`, newline and carriage return.
        public var line: String {
            switch self {
            case .keep(let n): return "- \(n)\n"
            case .append(let input): return "+ " + SessionJournal.escape(input) + "\n"
            }
        }
    }

    /// The records that turn the cell list `old` into `new`: keep the common prefix, append the rest.
    public static func records(from old: [String], to new: [String]) -> [Record] {
        var common = 0
        while common < old.count, common < new.count, old[common] == new[common] { common += 1 }
        var records: [Record] = common < old.count ? [.keep(common)] : []
        records += new[common...].map { .append($0) }
        return records
    }

    /// A journal read back: when it started and the cells its records fold to.
    public struct Contents: Equatable, Sendable {
        /// The start time the header gives ("2026-11-20 14:03:11").
        public var started: String
        /// The cells' inputs, in order.
        public var cells: [String]

        /// False for a journal that holds nothing beyond a session's automatic `date` cell.
        public var isWorthRecovering: Bool {
            cells.count > 1 || (cells.count == 1 && !cells[0].hasPrefix("date "))
        }
    }

    /// Why a journal cannot be read.
    public enum ReadError: Error, Equatable, Sendable {
        /// Not a hedgebook journal at all (no header).
        case notAJournal
        /// Written by a hedgebook with another format version.
        case unknownVersion(String)
        /// A record this version cannot read, at this line (1-based).
        case badRecord(line: Int)

        /// In words, for the recovery offer and `recover`.
        public var message: String {
            switch self {
            case .notAJournal: return "it is not a hedgebook journal (no header line)"
            case .unknownVersion(let v):
                return "it is written in journal format \(Display.truncated(v)); this hedgebook reads format \(SessionJournal.version)"
            case .badRecord(let line): return "line \(line) is not a record this hedgebook reads"
            }
        }
    }

    /// Reads a journal's text.
    public static func read(_ text: String) throws(ReadError) -> Contents {
        // Lines and prefixes by scalars: "\r\n", or a space before a combining mark, is one
        // Character, and a cell may begin with a combining mark.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
        // The last element is what follows the last newline: empty, or a torn record.
        lines.removeLast()
        guard let header = lines.first, header.hasPrefix(magic) else { throw .notAJournal }
        let fields = header.dropFirst(magic.count).split(separator: ";", maxSplits: 1)
        guard let versionText = fields.first, Int(versionText) == version else {
            throw .unknownVersion(String(fields.first ?? ""))
        }
        var started = ""
        if fields.count > 1 {
            let rest = fields[1].drop(while: { $0 == " " })
            if rest.hasPrefix("started ") { started = String(rest.dropFirst("started ".count)) }
        }
        var cells: [String] = []
        for (index, line) in lines.enumerated().dropFirst() {
            if line.unicodeScalars.starts(with: "+ ".unicodeScalars) {
                cells.append(unescape(Substring(line.unicodeScalars.dropFirst(2))))
            } else if line.hasPrefix("- "), let n = Int(line.dropFirst(2)), n >= 0, n <= cells.count {
                cells.removeSubrange(n...)
            } else {
                throw .badRecord(line: index + 1)
            }
        }
        return Contents(started: started, cells: cells)
    }

    /// What the REPL says at start about an unclosed session (`others` more are waiting).
    public static func offer(_ contents: Contents, others: Int) -> String {
        let when = contents.started.isEmpty ? "" : " from \(contents.started)"
        let count = contents.cells.count == 1 ? "1 cell" : "\(contents.cells.count) cells"
        var text = "a session\(when) with \(count) was not closed cleanly: type `recover` to restore it"
        if others > 0 { text += " (\(others) older \(others == 1 ? "one waits" : "ones wait") after it)" }
        return Display.neutralised(text)
    }

    static func escape(_ input: String) -> String {
        // Scalars, not characters: a backslash followed by a combining mark is one character.
        guard input.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\r" }) else { return input }
        var out = ""
        for scalar in input.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ text: Substring) -> String {
        guard text.unicodeScalars.contains("\\") else { return String(text) }
        var out = ""
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
