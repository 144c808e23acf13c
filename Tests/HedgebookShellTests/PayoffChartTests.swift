import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HedgebookModel
import Testing

@testable import HedgebookShell

@Suite("payoff: the risk graph in text and SVG")
struct PayoffChartTests {
    /// A tent: −1 at both ends, +1 in the middle; the second curve is flat at 0.5.
    static let tent = ChartData(
        title: "tent", xLabel: "SPX", x: [0, 10, 20],
        series: [("at expiry", [-1, 1, -1]), ("today", [0.5, 0.5, 0.5])],
        markers: [.init(symbol: "K", label: "short strike", x: 10), .init(symbol: "S", label: "spot", x: 5)])

    @Test("Golden: a small ASCII chart")
    func golden() {
        let text = AsciiChart.render(Self.tent, width: 30, height: 6, unicode: false)
        // Worked by hand: y spans −1.1…+1.1 over 6 rows (0.44 per row); 25 columns of 0.8333 each;
        // the tent peaks at column 12 (x = 10, row 0); zero is row 3; today (0.5) is row 1; spot x = 5 is column 6.
        let expected = """
            tent
            +$1 |      :     #
                |.........###.###.........
                |      :##       ##
             $0 |----###-----------###----
                | ###  :              ###
            -$1 |#     :                 #
                +-------------------------
                       S     K
            SPX  0     5    10    15    20
            # at expiry  . today  K short strike  S spot
            """
        #expect(text == expected, "\n\(text)")
    }

    @Test("The text chart fits 80 columns and marks break-evens, short strikes and spot")
    func realChart() {
        let s = Shell()
        for line in ["account 100000", "set underlying xsp"] { #expect(s.execute(line).ok) }
        let r = s.execute("payoff")
        #expect(r.ok, "\(r.error)")
        #expect(r.text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(r.text.contains("B break-even") && r.text.contains("K short strike") && r.text.contains("S spot"))
        s.unicode = false
        let ascii = s.execute("payoff").text
        #expect(ascii.allSatisfy { $0.isASCII || $0 == "×" || $0 == "·" || $0 == "₀" || $0 == "—" })
    }

    @Test("The SVG is well-formed XML with both curves, and --svg refuses to overwrite unless --svg!")
    func svg() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hb-payoff-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("risk.svg").path
        let s = Shell()
        for line in ["account 100000", "set underlying xsp"] { #expect(s.execute(line).ok) }
        let cells = s.session.cells.count
        #expect(s.execute("payoff --svg \(path)").ok)
        #expect(s.session.cells.count == cells)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let parser = XMLParser(data: data)
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.counts["svg"] == 1 && counter.counts["polyline"] == 2)
        let again = s.execute("payoff --svg \(path)")
        #expect(!again.ok && again.error.contains("--svg!"))
        #expect(s.execute("payoff --svg! \(path)").ok)
        #expect(!s.execute("payoff --svg").ok)
    }

    @Test("Text in an SVG is escaped")
    func escaping() throws {
        var chart = Self.tent
        chart.title = "a <b> & \"c\""
        let parser = XMLParser(data: Data(SvgChart.render(chart).utf8))
        #expect(parser.parse())
    }
}

final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
    }
}
