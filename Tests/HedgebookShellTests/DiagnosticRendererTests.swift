@testable import HedgebookShell
import Testing

@Suite("Diagnostic: the caret rendering")
struct DiagnosticRendererTests {
    static func rendered(_ line: String, lineNumber: Int = 1, file: String? = nil) -> String {
        guard let error = parseError(line) else { return "" }
        return DiagnosticRenderer.render(error, line: line, lineNumber: lineNumber, file: file)
    }

    @Test(arguments: [
        ("set base 1", 3, "session.hb", """
        session.hb:3:10: error: expected a percentage for base risk
            set base 1
                     ^
        did you mean 1%?
        """),
        ("acount 100000", 1, nil, """
        1:1: error: unknown command 'acount'
            acount 100000
            ^~~~~~
        did you mean account?
        """),
        ("price spx put 5800", 7, "x.hb", """
        x.hb:7:19: error: price needs: instrument kind strike DTE
            price spx put 5800
                              ^
        DTE is missing, as in: price spx put 5800 45
        """),
        ("set reset recovr", 2, nil, """
        2:11: error: unknown reset rule 'recovr'; expected recover or win
            set reset recovr
                      ^~~~~~
        did you mean recover?
        """),
        ("date 2026-02-30", 1, nil, """
        1:14: error: '2026-02-30' is not a date: February 2026 has 28 days
            date 2026-02-30
                         ^~
        """),
        ("spx 12x45", 1, nil, """
        1:7: error: unexpected 'x' in number '12x45'
            spx 12x45
                  ^
        """),
        ("\tspx abc", 1, nil, """
        1:6: error: expected a number for SPX level, found 'abc'
            \tspx abc
            \t    ^~~
        """),
        ("save \"é€😀\" x", 1, nil, """
        1:12: error: unexpected argument 'x'; save needs: file
            save "é€😀" x
                       ^
        put quotes around a file name with spaces: save "é€😀 x"
        """),
        ("spx\u{1B}[A", 1, nil, """
        1:4: error: unexpected control character U+001B (escape)
            spx?[A
               ^
        """),
    ] as [(String, Int, String?, String)])
    func golden(_ line: String, _ lineNumber: Int, _ file: String?, _ expected: String) {
        let text = Self.rendered(line, lineNumber: lineNumber, file: file)
        #expect(text == expected)
        if text != expected {
            // Line-by-line, so a failure says where it differs.
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, (g, w)) in zip(got, want).enumerated() where g != w {
                Issue.record("line \(i + 1): got \(String(g).debugDescription), want \(String(w).debugDescription)")
            }
        }
    }

    @Test func sessionDiagnosticsUseTheSameRenderer() throws {
        let line = "deposit 5000; withdraw 900000"
        let parsed = try Parser.parse(line: line).get()
        let diagnostic = Diagnostic(span: parsed[1].argumentSpans[0], message: "cannot withdraw more than the equity",
                                    hint: "the equity is $105,000.00")
        #expect(DiagnosticRenderer.render(diagnostic, line: line, lineNumber: 4, file: "s.hb") == """
        s.hb:4:24: error: cannot withdraw more than the equity
            deposit 5000; withdraw 900000
                                   ^~~~~~
        the equity is $105,000.00
        """)
    }

    @Test func longLinesShowAWindowAroundTheError() {
        let line = String(repeating: "condor; ", count: 100) + "acount 5; " + String(repeating: "layers; ", count: 100)
        let text = Self.rendered(line)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "1:801: error: unknown command 'acount'")
        #expect(lines[1].count <= 4 + DiagnosticRenderer.maximumShown + 2)
        let offset = Array(lines[2]).firstIndex(of: "^") ?? 0
        let source = Array(lines[1])
        #expect(String(source[offset..<(offset + 6)]) == "acount")
        #expect(lines[2].hasSuffix("^~~~~~"))
    }

    @Test func bidirectionalOverridesAreNeutralised() {
        #expect(Self.rendered("acount\u{202E}x 5").contains("acount?x"))
    }

    @Test func renderingNeverEmitsControlCharacters() {
        let line = "spx 6000 \u{1B}]0;title\u{7}"
        let text = Self.rendered(line)
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }
}
