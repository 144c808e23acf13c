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
        for row in [header] + rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var lines: [String] = []
        if !header.isEmpty {
            lines.append(line(header, widths))
            lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        }
        for row in rows { lines.append(line(row, widths)) }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (i, width) in widths.enumerated() {
            let cell = i < cells.count ? cells[i] : ""
            let pad = String(repeating: " ", count: width - cell.count)
            let align = i < alignment.count ? alignment[i] : .right
            parts.append(align == .left ? cell + pad : pad + cell)
        }
        var text = parts.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}

/// Two-column "label  value" lines, labels padded to the widest.
public func keyValueLines(_ pairs: [(String, String)]) -> String {
    let width = pairs.map(\.0.count).max() ?? 0
    return pairs.map { label, value in
        label + String(repeating: " ", count: width - label.count) + "  " + value
    }.joined(separator: "\n")
}
