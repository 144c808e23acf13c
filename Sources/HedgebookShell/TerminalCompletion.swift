/// What Tab does to the line, decided from ``Shell/complete(_:)``'s candidates.
///
/// Pure: the line editor applies the edit (delete, insert) and prints the listing.
public struct CompletionEdit: Sendable, Equatable {
    /// Unicode scalars to delete before the cursor (the word, when a candidate replaces it).
    public var deleteCount: Int
    /// Text to insert at the cursor.
    public var insert: String
    /// Candidates to list below the line; empty when the completion was unique.
    public var listing: [String]

    public init(deleteCount: Int = 0, insert: String, listing: [String] = []) {
        self.deleteCount = deleteCount
        self.insert = insert
        self.listing = listing
    }
}

public enum TerminalCompletion {
    /// The word being completed: what follows the last space, tab or `;` in `prefix`.
    public static func word(in prefix: String) -> Substring {
        let start = prefix.lastIndex(where: { $0 == " " || $0 == "\t" || $0 == ";" })
            .map { prefix.index(after: $0) } ?? prefix.startIndex
        return prefix[start...]
    }

    /// One candidate: the rest of the word plus a space. Several: their common prefix, and a
    /// listing. None: `nil` (the editor beeps).
    public static func edit(prefix: String, candidates: [String]) -> CompletionEdit? {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        guard let first = unique.first else { return nil }
        let word = String(word(in: prefix))
        if unique.count == 1 {
            if first.hasPrefix(word) {
                return CompletionEdit(insert: String(first.dropFirst(word.count)) + " ")
            }
            return CompletionEdit(deleteCount: word.unicodeScalars.count, insert: first + " ")
        }
        let common = unique.dropFirst().reduce(first) { commonPrefix($0, $1) }
        let rest = common.hasPrefix(word) ? String(common.dropFirst(word.count)) : ""
        return CompletionEdit(insert: rest, listing: unique)
    }

    /// The candidates in columns that fit `width`, row by row, each row ending in a newline.
    public static func columns(_ items: [String], width: Int) -> String {
        guard !items.isEmpty else { return "" }
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / cell)
        var out = ""
        for (index, item) in items.enumerated() {
            let last = index == items.count - 1 || (index + 1) % perRow == 0
            out += last ? item + "\n" : item + String(repeating: " ", count: cell - item.count)
        }
        return out
    }

    private static func commonPrefix(_ a: String, _ b: String) -> String {
        var end = a.startIndex
        var other = b.startIndex
        while end < a.endIndex, other < b.endIndex, a[end] == b[other] {
            end = a.index(after: end)
            other = b.index(after: other)
        }
        return String(a[..<end])
    }
}
