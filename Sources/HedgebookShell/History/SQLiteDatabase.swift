import CSQLite

/// A value of a column or a bound parameter.
enum SQLValue: Equatable, Sendable {
    case integer(Int)
    case real(Double)
    case text(String)
    case null

    var text: String? { if case .text(let s) = self { s } else { nil } }
    var real: Double? {
        switch self {
        case .real(let x): x
        case .integer(let n): Double(n)
        default: nil
        }
    }
    var integer: Int? { if case .integer(let n) = self { n } else { nil } }
}

/// Why the database refused something, in words.
struct SQLiteError: Error, Sendable {
    var message: String
    /// A refusal of hedgebook's own raised inside a transaction (a conflicting row), already
    /// worded for the user, rather than the database's.
    var isRefusal = false
}

/// The one place that touches SQLite: a connection, statements with bound parameters, and
/// transactions. Everything else (the schema, the series) is in ``MarketStore``.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    /// Opens (creating when missing) the database at `path`, in WAL mode, with a busy timeout so
    /// two hedgebooks importing at once wait for each other instead of failing.
    init(path: String) throws(SQLiteError) {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw SQLiteError(message: "cannot open it: \(message)")
        }
        sqlite3_busy_timeout(handle, 5000)
        let mode = try query("PRAGMA journal_mode=WAL").first?.first?.text
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(message: "cannot use write-ahead logging (journal mode \(mode ?? "unknown"))")
        }
        try execute("PRAGMA foreign_keys=ON")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw SQLiteError(message: text)
        }
    }

    /// Runs one statement with `parameters` bound to its `?`s, and returns its rows.
    @discardableResult
    func query(_ sql: String, _ parameters: [SQLValue] = []) throws(SQLiteError) -> [[SQLValue]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw SQLiteError(message: lastError)
        }
        defer { sqlite3_finalize(statement) }
        for (i, value) in parameters.enumerated() {
            let index = Int32(i + 1)
            let status: Int32
            switch value {
            case .integer(let n): status = sqlite3_bind_int64(statement, index, sqlite3_int64(n))
            case .real(let x): status = sqlite3_bind_double(statement, index, x)
            case .text(let s): status = sqlite3_bind_text(statement, index, s, -1, hb_sqlite_transient())
            case .null: status = sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw SQLiteError(message: lastError) }
        }
        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw SQLiteError(message: lastError) }
            let columns = sqlite3_column_count(statement)
            rows.append((0..<columns).map { column(statement, $0) })
        }
        return rows
    }

    /// Runs `body` in one immediate transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func column(_ statement: OpaquePointer?, _ i: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, i) {
        case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(statement, i)))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, i))
        case SQLITE_NULL: return .null
        default:
            guard let text = sqlite3_column_text(statement, i) else { return .null }
            return .text(String(cString: text))
        }
    }

    private var lastError: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no database" }
}
