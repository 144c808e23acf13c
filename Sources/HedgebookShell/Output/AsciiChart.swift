import HedgebookModel

/// A chart drawn in text: curves as dots on a grid of `width × height` characters, the zero
/// line, marker letters under the axis, dollar labels on the left and x labels below.
///
/// Unicode uses `●` (the first curve… the last curve `·`), `─` and `│`; ASCII uses `#`, `.`,
/// `-` and `|`. Later curves are drawn first so the first curve stays on top.
public enum AsciiChart {
    public static func render(_ data: ChartData, width: Int = 80, height: Int = 20, unicode: Bool = true) -> String {
        let (lo, hi) = data.yRange
        let rows = max(height, 4)
        func row(_ y: Double) -> Int { Int(((hi - y) / (hi - lo) * Double(rows - 1)).rounded()) }
        let labels = [(0, hi), (row(0), 0.0), (rows - 1, lo)]
        let labelWidth = labels.map { money($0.1).count }.max() ?? 1
        let columns = max(width - labelWidth - 2, 10)
        guard let x0 = data.x.first, let x1 = data.x.last, x1 > x0 else { return data.title }
        func xAt(_ c: Int) -> Double { x0 + (x1 - x0) * Double(c) / Double(columns - 1) }
        func column(_ x: Double) -> Int { Int(((x - x0) / (x1 - x0) * Double(columns - 1)).rounded()) }
        let dots: [Character] = unicode ? ["●", "·", "∘"] : ["#", ".", "o"]
        var grid = Array(repeating: Array(repeating: Character(" "), count: columns), count: rows)
        let zero = row(0)
        if (0..<rows).contains(zero) {
            for c in 0..<columns { grid[zero][c] = unicode ? "─" : "-" }
        }
        for m in data.markers where m.symbol == "S" {
            let c = column(m.x)
            guard (0..<columns).contains(c) else { continue }
            for r in 0..<rows where grid[r][c] == " " { grid[r][c] = unicode ? "┊" : ":" }
        }
        for (i, s) in data.series.enumerated().reversed() {
            var previous: Int?
            for c in 0..<columns {
                let r = row(data.value(s.y, at: xAt(c)))
                // A steep stretch is filled down to where the previous column was, so the curve stays joined.
                let from = previous.map { p in r > p ? p + 1 : (r < p ? p - 1 : r) } ?? r
                for k in min(from, r)...max(from, r) where (0..<rows).contains(k) { grid[k][c] = dots[min(i, dots.count - 1)] }
                previous = r
            }
        }
        var lines = [data.title]
        for r in 0..<rows {
            let label = labels.first { $0.0 == r }.map { money($0.1) } ?? ""
            lines.append(pad(label, labelWidth) + " " + (unicode ? "│" : "|") + String(grid[r]))
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + (unicode ? "└" : "+")
            + String(repeating: unicode ? "─" : "-", count: columns))
        var marks = Array(repeating: Character(" "), count: columns)
        for m in data.markers {
            let c = column(m.x)
            if (0..<columns).contains(c) { marks[c] = m.symbol }
        }
        lines.append(String(repeating: " ", count: labelWidth + 2) + String(marks))
        var ticks = Array(repeating: Character(" "), count: columns)
        for k in 0..<5 {
            let c = (columns - 1) * k / 4
            let text = Array(ModelFormat.plain(xAt(c), decimals: 0))
            let start = max(0, min(c - text.count / 2, ticks.count - text.count))
            for (j, ch) in text.enumerated() { ticks[start + j] = ch }
        }
        lines.append(pad(data.xLabel, labelWidth) + "  " + String(ticks).trimmedTrailing)
        var legend = data.series.enumerated().map { "\(dots[min($0.offset, dots.count - 1)]) \($0.element.name)" }
        var seen: Set<Character> = []
        for m in data.markers where seen.insert(m.symbol).inserted { legend.append("\(m.symbol) \(m.label)") }
        // The legend wraps at the chart's width.
        var line = ""
        for item in legend {
            if !line.isEmpty, line.count + 2 + item.count > max(width, 80) { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : "  ") + item
        }
        lines.append(line)
        return lines.map(\.trimmedTrailing).joined(separator: "\n")
    }

    static func money(_ y: Double) -> String {
        let text = ModelFormat.dollars(y, decimals: 0)
        return y > 0.5 ? "+" + text : text
    }

    static func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
