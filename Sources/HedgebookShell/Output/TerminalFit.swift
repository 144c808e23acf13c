/// Output fitted to a terminal's width, as the REPL shows it (scripts, files and `--json` get
/// the text as it is).
///
/// One mechanism for every report: a table is found by the rule under its header (runs of `─`
/// or `-`), its cells read back by the rule's columns, and the table drawn again narrower —
/// one space between columns, then, if that is still too wide, one block per row, the first
/// column as its heading and the other columns as `name  value` lines. Any other line wider
/// than the terminal wraps at a space, its continuation indented under its text (a `help`
/// summary continues under the summary). Widths count characters.
public enum TerminalFit {
    /// `text` fitted to `width` columns (a width under 20 is left alone).
    public static func fit(_ text: String, width: Int) -> String {
        guard width >= 20 else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.contains(where: { $0.count > width }) else { return text }
        var out: [String] = []
        var i = 0
        while i < lines.count {
            if i + 1 < lines.count, let columns = ruleColumns(lines[i + 1]) {
                var end = i + 2
                while end < lines.count, fits(lines[end], columns) { end += 1 }
                let table = Array(lines[i..<end])
                if table.contains(where: { $0.count > width }) {
                    out += refit(table, columns, width: width)
                } else {
                    out += table
                }
                i = end
                continue
            }
            out += wrap(lines[i], width: width)
            i += 1
        }
        return out.joined(separator: "\n")
    }

    /// The column spans of a rule line (`─────  ─────`), or `nil` when the line is not one.
    static func ruleColumns(_ line: String) -> [Range<Int>]? {
        let chars = Array(line)
        guard chars.count >= 3, chars.allSatisfy({ $0 == "─" || $0 == "-" || $0 == " " }),
              chars.first != " ", chars.contains(where: { $0 != " " }) else { return nil }
        var spans: [Range<Int>] = []
        var start: Int?
        for (k, c) in chars.enumerated() {
            if c != " " { if start == nil { start = k } } else if let s = start { spans.append(s..<k); start = nil }
        }
        if let s = start { spans.append(s..<chars.count) }
        // A rule of one run is a separator (`────`), not a table's.
        return spans.count >= 2 ? spans : nil
    }

    /// True when every non-space character of `line` falls inside one of the columns.
    static func fits(_ line: String, _ columns: [Range<Int>]) -> Bool {
        guard !line.isEmpty else { return false }
        let chars = Array(line)
        if chars.count > columns.last!.upperBound { return false }
        var col = 0
        for (k, c) in chars.enumerated() where c != " " {
            while col < columns.count && columns[col].upperBound <= k { col += 1 }
            guard col < columns.count, columns[col].contains(k) else { return false }
        }
        return true
    }

    /// The cells of a table line, by the columns.
    static func cells(_ line: String, _ columns: [Range<Int>]) -> [String] {
        let chars = Array(line)
        return columns.map { span in
            guard span.lowerBound < chars.count else { return "" }
            let piece = chars[span.lowerBound..<min(span.upperBound, chars.count)]
            return String(piece).trimmingSpaces
        }
    }

    /// A table drawn again to fit: one space between columns, else one block per row.
    static func refit(_ table: [String], _ columns: [Range<Int>], width: Int) -> [String] {
        let header = cells(table[0], columns)
        let rows = table.dropFirst(2).map { cells($0, columns) }
        // Right-aligned columns stay right-aligned: a cell ending at its column's end.
        let right = columns.map { span in
            table.dropFirst(2).contains { Array($0).count >= span.upperBound && Array($0)[span.upperBound - 1] != " " }
                && !table.dropFirst(2).allSatisfy { line in
                    let chars = Array(line)
                    return span.lowerBound < chars.count && chars[span.lowerBound] != " "
                }
        }
        let widths = columns.map { $0.count }
        if widths.reduce(0, +) + widths.count - 1 <= width {
            func line(_ cells: [String]) -> String {
                var text = ""
                for (k, cell) in cells.enumerated() {
                    if k > 0 { text += " " }
                    let pad = String(repeating: " ", count: max(0, widths[k] - cell.count))
                    text += right[k] ? pad + cell : cell + pad
                }
                while text.hasSuffix(" ") { text.removeLast() }
                return text
            }
            let rule = widths.map { String(repeating: table[1].contains("─") ? "─" : "-", count: $0) }.joined(separator: " ")
            return [line(header), rule] + rows.map(line)
        }
        // One block per row: the first cell as its heading, then `name  value` lines.
        let nameWidth = header.dropFirst().map(\.count).max() ?? 0
        var out: [String] = []
        for row in rows {
            out.append(row.first.map { $0.isEmpty ? "·" : $0 } ?? "")
            for (name, value) in zip(header.dropFirst(), row.dropFirst()) where !value.isEmpty {
                let label = "  " + name + String(repeating: " ", count: nameWidth - name.count) + "  "
                out += wrap(label + value, width: width)
            }
        }
        return out
    }

    /// A line wrapped at spaces to `width`; continuations are indented under the line's text.
    static func wrap(_ line: String, width: Int) -> [String] {
        var chars = Array(line)
        guard chars.count > width else { return [line] }
        // Continuations start under the text after a label gap (`name   summary`), or two
        // spaces in from the line's own indentation.
        let lead = chars.prefix { $0 == " " }.count
        var indent = lead + 2
        if let gap = labelGap(chars), gap <= width / 2 { indent = gap }
        indent = min(indent, width / 2)
        var out: [String] = []
        var prefix = 0
        while chars.count + prefix > width {
            let limit = width - prefix
            var cut = chars[..<min(limit + 1, chars.count)].lastIndex(of: " ") ?? 0
            if cut <= (out.isEmpty ? lead : 0) { cut = limit }  // no space: cut the word
            out.append(String(repeating: " ", count: prefix) + String(chars[..<cut]).trimmingTrailingSpaces)
            chars = Array(chars[cut...].drop { $0 == " " })
            prefix = indent
        }
        if !chars.isEmpty { out.append(String(repeating: " ", count: prefix) + String(chars)) }
        return out
    }

    /// Where the text after the first run of two or more spaces starts (after a label), if any.
    static func labelGap(_ chars: [Character]) -> Int? {
        let lead = chars.prefix { $0 == " " }.count
        var k = lead
        while k + 1 < chars.count {
            if chars[k] == " " && chars[k + 1] == " " {
                var j = k
                while j < chars.count && chars[j] == " " { j += 1 }
                return j < chars.count ? j : nil
            }
            k += 1
        }
        return nil
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
