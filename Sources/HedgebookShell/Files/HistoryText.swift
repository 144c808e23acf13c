/// The REPL's history file read back: one entry per line.
///
/// Lines end with LF, CR LF or a lone CR (a file edited on another system loads as separate
/// lines); empty lines and lines holding control characters are dropped (they would come
/// back with Up and act on the terminal); only the last `limit` entries are kept.
public enum HistoryText {
    /// How many entries the history keeps when `HEDGEBOOK_HISTORY_SIZE` does not say.
    public static let defaultLimit = 1000
    /// The most `HEDGEBOOK_HISTORY_SIZE` may ask for.
    public static let maximumLimit = 100_000

    /// The entries of `text`, oldest first, at most `limit` of them.
    public static func entries(_ text: String, limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        var entries: [String] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard !line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }),
                  line.contains(where: { !$0.isWhitespace }) else { continue }
            entries.append(String(line))
        }
        return entries.count > limit ? Array(entries.suffix(limit)) : entries
    }

    /// The limit `HEDGEBOOK_HISTORY_SIZE` sets: a whole number from 0 (no history) to
    /// ``maximumLimit``; anything else (unset, not a number) is the default.
    public static func limit(fromEnvironment value: String?) -> Int {
        guard let value, let n = Int(value), n >= 0 else { return defaultLimit }
        return min(n, maximumLimit)
    }
}
