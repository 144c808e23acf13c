import Foundation
@testable import HedgebookShell
import Testing

@Suite("Lexer and robustness")
struct LexerTests {
    @Test func tokens() throws {
        let tokens = try Lexer.tokenize(Array("save \"a b\";x # c"))
        #expect(tokens == [
            Token(kind: .word, text: "save", span: SourceSpan(column: 1, length: 4)),
            Token(kind: .quoted, text: "a b", span: SourceSpan(column: 6, length: 5)),
            Token(kind: .separator, text: ";", span: SourceSpan(column: 11, length: 1)),
            Token(kind: .word, text: "x", span: SourceSpan(column: 12, length: 1)),
        ])
    }

    /// Every parse either succeeds or fails at a column on the line (or one past it).
    static func checkTotal(_ line: String) {
        let count = line.count
        switch Parser.parse(line: line) {
        case .success(let parsed):
            for p in parsed {
                #expect(p.span.column >= 1 && p.span.end <= count + 1)
            }
        case .failure(let error):
            #expect(error.span.column >= 1 && error.span.column <= count + 1, "\(line.debugDescription)")
            #expect(!error.message.isEmpty)
            _ = DiagnosticRenderer.render(error, line: line, lineNumber: 1)
        }
        _ = Completion.candidates(for: line)
    }

    @Test(arguments: [
        String(repeating: "9", count: 100_000),
        "spx " + String(repeating: "9", count: 100_000),
        "account " + String(repeating: "1,000", count: 20_000),
        String(repeating: "a", count: 100_000),
        String(repeating: ";", count: 100_000),
        String(repeating: "condor;", count: 15_000),
        "save \"" + String(repeating: "x", count: 100_000),
        "#" + String(repeating: "\u{1B}", count: 100_000),
        String(repeating: "é", count: 100_000),
        String(repeating: "\u{301}", count: 50_000),
        "help " + String(repeating: "z", count: 100_000),
        String(repeating: " ", count: 100_000) + "acount",
    ])
    func hugeLines(_ line: String) {
        Self.checkTotal(line)
    }

    @Test func hugeLineOfCommandsParses() throws {
        let parsed = try Parser.parse(line: String(repeating: "condor;", count: 15_000)).get()
        #expect(parsed.count == 15_000)
        #expect(parsed.last?.column == 7 * 14_999 + 1)
    }

    @Test(arguments: [
        [0xFF, 0xFE, 0x20, 0x73, 0x70, 0x78],
        [0x73, 0x70, 0x78, 0x20, 0x36, 0xC0, 0xAF],
        [0xE2, 0x82],
        [0x73, 0x61, 0x76, 0x65, 0x20, 0x22, 0xED, 0xA0, 0x80, 0x22],
    ] as [[UInt8]])
    func invalidUTF8ArrivesAsReplacementCharacters(_ bytes: [UInt8]) {
        let line = String(decoding: bytes, as: UTF8.self)
        Self.checkTotal(line)
    }

    @Test func randomLinesNeverCrash() {
        let alphabet: [Character] = Array("spx vix set base 1%;#\"'\\$,.k-m0123456789e_ \t") + [
            "\u{0}", "\u{1B}", "\u{7F}", "\u{9B}", "\u{FFFD}", "\u{301}", "é", "😀", "\u{FEFF}", "\u{00A0}", "\r", "\n", "−",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let words = CommandTable.allNames + CommandTable.settingNames + ["1%", "16", "$1.2k", "clear", "none", "2026-02-30"]
        for _ in 0..<3000 {
            var line = ""
            for _ in 0..<(next() % 30) {
                if next() % 3 == 0 { line += words[next() % words.count] + " " } else { line.append(alphabet[next() % alphabet.count]) }
            }
            Self.checkTotal(line)
        }
    }
}
