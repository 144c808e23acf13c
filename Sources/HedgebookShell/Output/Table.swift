/// An aligned text table for people: a header row, rows, and per-column alignment.
///
/// Widths count Unicode characters, so `σ` and `Δ` align like ASCII.
public struct Table: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var header: [String]
    public var rows: [[String]]
    public var alignment: [Alignment]

    /// A table whose first column is left-aligned and the rest right-aligned (labels, then numbers).
    public init(header: [String], rows: [[String]] = [], alignment: [Alignment]? = nil) {
        self.header = header
        self.rows = rows
        self.alignment = alignment ?? ([.left] + Array(repeating: .right, count: max(0, header.count - 1)))
    }

    /// Renders the table with two spaces between columns and a rule under the header.
    public func render() -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        var widths = Array(repeating: 0, count: columns)
        // Character counts, taken once (counting is the costly part of a wide table).
        let counts = ([header] + rows).map { $0.map(\.count) }
        for row in counts {
            for (i, n) in row.enumerated() { widths[i] = max(widths[i], n) }
        }
        var out = ""
        out.reserveCapacity((widths.reduce(0, +) + 2 * columns + 1) * (rows.count + 2))
        var lineCount = 0
        func line(_ cells: [String], _ counts: [Int]) {
            if lineCount > 0 { out += "\n" }
            lineCount += 1
            for (i, width) in widths.enumerated() {
                if i > 0 { out += "  " }
                let cell = i < cells.count ? cells[i] : ""
                let pad = width - (i < counts.count ? counts[i] : 0)
                if i < alignment.count && alignment[i] == .left {
                    out += cell
                    Self.appendRun(" ", pad, to: &out)
                } else {
                    Self.appendRun(" ", pad, to: &out)
                    out += cell
                }
            }
            // Trailing spaces go; this never crosses the newline before the line.
            while out.hasSuffix(" ") { out.removeLast() }
        }
        if !header.isEmpty {
            line(header, counts[0])
            out += "\n"
            for (i, width) in widths.enumerated() {
                if i > 0 { out += "  " }
                Self.appendRun("─", width, to: &out)
            }
        }
        for (row, rowCounts) in zip(rows, counts.dropFirst()) { line(row, rowCounts) }
        return out
    }

    /// Runs of one character, built once: `String(repeating:count:)` is slow on a hot path.
    private static let spaceRuns = (0..<64).map { String(repeating: " ", count: $0) }
    private static let ruleRuns = (0..<64).map { String(repeating: "─", count: $0) }

    /// Appends `count` copies of `unit` (a space or the rule) to `out`.
    static func appendRun(_ unit: Character, _ count: Int, to out: inout String) {
        guard count > 0 else { return }
        let runs = unit == " " ? spaceRuns : ruleRuns
        if count < runs.count {
            out += runs[count]
        } else {
            out += String(repeating: unit, count: count)
        }
    }
}

/// Two-column "label  value" lines, labels padded to the widest.
public func keyValueLines(_ pairs: [(String, String)]) -> String {
    let counts = pairs.map(\.0.count)
    let width = counts.max() ?? 0
    var out = ""
    for (i, (label, value)) in pairs.enumerated() {
        if i > 0 { out += "\n" }
        out += label
        Table.appendRun(" ", width - counts[i] + 2, to: &out)
        out += value
    }
    return out
}
