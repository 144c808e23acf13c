import HedgebookModel
import Testing

@testable import HedgebookShell

/// Text tables and key–value lines, and explanations kept until `why` asks for them.
@Suite struct TableTests {
    @Test func alignsByCharactersAndTrimsTrailingSpaces() {
        let table = Table(header: ["leg", "σ", ""], rows: [["short put", "18%", ""], ["Δ", "5%"]])
        // widths 9, 3, 0; first column left, the rest right; the rule line is not trimmed.
        let expected = """
            leg          σ
            ─────────  ───  \("")
            short put  18%
            Δ           5%
            """
        #expect(table.render() == expected)
    }

    @Test func wideColumnsAndExplicitAlignment() {
        let long = String(repeating: "x", count: 70)
        let table = Table(header: ["a", "b"], rows: [[long, "1"]], alignment: [.right, .left])
        let lines = table.render().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == Substring(String(repeating: " ", count: 69) + "a  b"))
        #expect(lines[1] == Substring(String(repeating: "─", count: 70) + "  ─"))
        #expect(lines[2] == Substring(long + "  1"))
    }

    @Test func keyValueLinesPadLabels() {
        #expect(keyValueLines([("credit", "$1.00"), ("P(σ)", "2%")]) == "credit  $1.00\nP(σ)    2%")
        #expect(keyValueLines([]) == "")
    }

    @Test func condorExplanationsAreBuiltWhenAsked() throws {
        let shell = Shell()
        #expect(shell.execute("account 100000; set underlying xsp; condor").ok)
        let cell = try #require(shell.session.cells.last)
        #expect(!cell.explainer.isEmpty)
        let condor = try IronCondor.build(
            market: shell.session.state.market, settings: shell.session.state.condor, fills: shell.session.state.trade)
        // Five sizing trees (contracts, risk, gap risk, budget, cap), then one per figure of the condor.
        let figures = IronCondor.Figure.allCases.map { condor.explanation(of: $0) }
        #expect(Array(cell.explanations.dropFirst(5)) == figures)
        #expect(cell.explanations.count == 5 + figures.count)
        #expect(cell.explanations.first?.name == "contracts")
    }
}
