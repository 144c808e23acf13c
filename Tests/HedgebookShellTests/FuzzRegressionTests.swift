import HedgebookModel
import Testing

@testable import HedgebookShell

/// Inputs the fuzzer (fuzz/FuzzShell.swift) found crashing, kept so they never crash again.
@Suite struct FuzzRegressionTests {
    /// Runs a fuzzer's input as the target does: each line in turn, in one shell.
    func run(_ script: String) -> [LineResult] {
        let shell = Shell()
        return script.split(separator: "\n", omittingEmptySubsequences: false).map { shell.execute(String($0)) }
    }

    @Test("A percentage beyond Int64 in an out-of-range message is written, not trapped")
    func hugePercentInMessage() {
        // crash-dfc5245a: `set base 2501111111111111111111111111%` trapped converting 2.5e25 to Int64.
        let results = run("account 100000\nset base 2501111111111111111111111111%")
        #expect(results[1].ok == false)
        #expect(results[1].error.hasPrefix("1:10: error: "))
        #expect(ModelFormat.plain(2.5e25) == "2.5e+25")
        #expect(ModelFormat.plain(-9.3e18) == "-9.3e+18")
        #expect(ModelFormat.plain(9.1e18) == "9100000000000000000")
        #expect(ModelFormat.dollars(1e20).hasPrefix("$1"))
    }

    @Test("drop, show and edit of a cell in a session with no cells say there is none")
    func cellCommandsOnAnEmptySession() {
        // crash-6427cb11 (and d5593603): a script starts with no cells; `drop 3` built the range 1...0.
        for line in ["drop 3", "show 2", "edit 1 loss 5"] {
            let result = Shell().execute(line)
            #expect(!result.ok)
            #expect(result.error.contains("there is no cell"))
        }
    }

    @Test("A journal cell with a backslash before a combining mark survives a rewrite")
    func journalBackslashBeforeCombiningMark() throws {
        // journal crash-2c15aa25: "\\\u{0617}" is one Character, so escaping looked for "\\" among
        // characters, missed it, and the reread took the backslash for an escape.
        // A cell may also begin with a combining mark, which joins the record's "+ " into one Character.
        let cells = ["win 1 # a\\\u{0617}b", "loss 2 \\\u{0301}", "plain \\n kept", "\u{0617}x", "cr\r\nlf"]
        let text = SessionJournal.header(started: "x") + SessionJournal.records(from: [], to: cells).map(\.line).joined()
        #expect(try SessionJournal.read(text).cells == cells)
    }

    @Test("A notebook whose `---` first line is closed after a fenced block is read by teach without trapping")
    func frontMatterAroundACell() {
        // notebook crash-d968eb37: the front matter's count ran past the first cell's fence and
        // teaching mode built the range next..<open with next > open.
        let text = "---\nprose\n```hedgebook\nvix 20\n```\n---\nmore prose\n```hedgebook\nspx 6000\n```\n"
        let lesson = Lesson.parse(text, name: "x.md")
        #expect(lesson.steps.compactMap { $0.input.first }.contains("vix 20"))
        #expect(lesson.steps.compactMap { $0.input.first }.contains("spx 6000"))
    }
}
