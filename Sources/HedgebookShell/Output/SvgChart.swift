import HedgebookModel

/// A chart as a standalone SVG document: axes, grid, curves, markers and a legend.
/// Text is escaped, so the document is well-formed XML whatever the labels hold.
public enum SvgChart {
    static let colors = ["#1f5fbf", "#e07b00", "#2a9d4b", "#8e44ad"]

    public static func render(_ data: ChartData, width: Int = 800, height: Int = 440) -> String {
        let left = 90.0, right = 20.0, top = 40.0, bottom = 80.0
        let w = Double(width) - left - right, h = Double(height) - top - bottom
        let (lo, hi) = data.yRange
        guard let x0 = data.x.first, let x1 = data.x.last, x1 > x0 else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        }
        func px(_ x: Double) -> String { fmt(left + (x - x0) / (x1 - x0) * w) }
        func py(_ y: Double) -> String { fmt(top + (hi - y) / (hi - lo) * h) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
            + " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        out += "<text x=\"\(fmt(left))\" y=\"24\" font-size=\"15\" font-weight=\"bold\">\(escape(data.title))</text>\n"
        out += "<g stroke=\"#e4e4e4\" stroke-width=\"1\">\n"
        for k in 0...4 {
            let y = lo + (hi - lo) * Double(k) / 4, x = x0 + (x1 - x0) * Double(k) / 4
            out += "<line x1=\"\(fmt(left))\" y1=\"\(py(y))\" x2=\"\(fmt(left + w))\" y2=\"\(py(y))\"/>\n"
            out += "<line x1=\"\(px(x))\" y1=\"\(fmt(top))\" x2=\"\(px(x))\" y2=\"\(fmt(top + h))\"/>\n"
        }
        out += "</g>\n<g fill=\"#444\">\n"
        for k in 0...4 {
            let y = lo + (hi - lo) * Double(k) / 4, x = x0 + (x1 - x0) * Double(k) / 4
            out += "<text x=\"\(fmt(left - 6))\" y=\"\(py(y))\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                + escape(AsciiChart.money(y)) + "</text>\n"
            out += "<text x=\"\(px(x))\" y=\"\(fmt(top + h + 18))\" text-anchor=\"middle\">"
                + escape(ModelFormat.plain(x, decimals: 0)) + "</text>\n"
        }
        out += "<text x=\"\(fmt(left + w / 2))\" y=\"\(fmt(top + h + 36))\" text-anchor=\"middle\">\(escape(data.xLabel))</text>\n"
        out += "</g>\n"
        out += "<rect x=\"\(fmt(left))\" y=\"\(fmt(top))\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" fill=\"none\" stroke=\"#888\"/>\n"
        out += "<line x1=\"\(fmt(left))\" y1=\"\(py(0))\" x2=\"\(fmt(left + w))\" y2=\"\(py(0))\" stroke=\"#555\" stroke-width=\"1.2\"/>\n"
        for m in data.markers where m.x >= x0 && m.x <= x1 {
            let dash = m.symbol == "S" ? "2,3" : "5,4"
            out += "<line x1=\"\(px(m.x))\" y1=\"\(fmt(top))\" x2=\"\(px(m.x))\" y2=\"\(fmt(top + h))\" stroke=\"#999\""
                + " stroke-dasharray=\"\(dash)\"/>\n"
            out += "<text x=\"\(px(m.x))\" y=\"\(fmt(top - 4))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">"
                + escape(String(m.symbol) + " " + ModelFormat.plain(m.x, decimals: 0)) + "</text>\n"
        }
        for (i, s) in data.series.enumerated() {
            let points = zip(data.x, s.y).map { "\(px($0)),\(py($1))" }.joined(separator: " ")
            let dash = i == 0 ? "" : " stroke-dasharray=\"6,4\""
            out += "<polyline fill=\"none\" stroke=\"\(colors[i % colors.count])\" stroke-width=\"2\"\(dash) points=\"\(points)\"/>\n"
        }
        var lx = left
        let ly = Double(height) - 18
        for (i, s) in data.series.enumerated() {
            out += "<line x1=\"\(fmt(lx))\" y1=\"\(fmt(ly))\" x2=\"\(fmt(lx + 24))\" y2=\"\(fmt(ly))\" stroke=\"\(colors[i % colors.count])\""
                + " stroke-width=\"2\"\(i == 0 ? "" : " stroke-dasharray=\"6,4\"")/>\n"
            out += "<text x=\"\(fmt(lx + 30))\" y=\"\(fmt(ly))\" dominant-baseline=\"middle\">\(escape(s.name))</text>\n"
            lx += 40 + Double(s.name.count) * 7
        }
        var seen: Set<Character> = []
        let keys = data.markers.filter { seen.insert($0.symbol).inserted }.map { "\($0.symbol) = \($0.label)" }
        out += "<text x=\"\(fmt(lx))\" y=\"\(fmt(ly))\" dominant-baseline=\"middle\" fill=\"#555\">"
            + escape(keys.joined(separator: " · ")) + "</text>\n"
        out += "</svg>\n"
        return out
    }

    static func fmt(_ x: Double) -> String { ModelFormat.fixed(x, decimals: 1) }

    /// `&`, `<`, `>`, `"` and `'` as entities; control characters dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if let a = c.asciiValue, a < 0x20 { continue }
                out.append(c)
            }
        }
        return out
    }
}
