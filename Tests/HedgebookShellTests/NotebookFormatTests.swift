import Foundation
import Testing

@testable import HedgebookShell

@Suite("Notebook: the Markdown format")
struct NotebookFormatTests {
    static let sample = """
        # Lesson

        Some prose with `code`.

        ```hedgebook
        account 100000
        ```

        ```output
        first line
        second line
        ```

        ````markdown
        ```hedgebook
        not a cell: an example inside another fence
        ```
        ````

        ~~~
        ```output
        still prose
        ~~~

        ```hedgebook
        condor
        ```
        Trailing prose.

        """

    @Test("Cells are the hedgebook blocks at the margin; fenced examples of them are prose")
    func parse() {
        let nb = NotebookParser.parse(Self.sample)
        #expect(nb.problems.isEmpty)
        #expect(nb.cells.count == 2)
        #expect(nb.commandLines(nb.cells[0]).map { $0.line } == [6])
        #expect(nb.commandLines(nb.cells[0]).map { String($0.text) } == ["account 100000"])
        #expect(nb.outputText(nb.cells[0]) == "first line\nsecond line")
        #expect(nb.commandLines(nb.cells[1]).map { $0.line } == [26])
        #expect(nb.cells[1].output == nil)
        #expect(nb.lines.joined() == Self.sample)
    }

    @Test("An output block after prose, and an unclosed cell block, are problems at their lines")
    func problems() {
        let nb = NotebookParser.parse("```hedgebook\nvix 16\n```\n\nprose\n\n```output\nx\n```\n\n```hedgebook\nspx 6000\n")
        #expect(nb.problems == [
            .init(line: 7, message: "this output block does not follow a hedgebook block"),
            .init(line: 11, message: "the ```hedgebook block opened here is never closed"),
        ])
        // Markdown reads the unclosed block to the end of the file, and so does `run`.
        #expect(nb.cells.count == 2)
    }

    @Test("CRLF line endings are kept byte for byte and not part of the text")
    func crlf() {
        let text = "```hedgebook\r\nvix 16\r\n```\r\n\r\n```output\r\nold\r\n```\r\n"
        let nb = NotebookParser.parse(text)
        #expect(nb.outputText(nb.cells[0]) == "old")
        #expect(NotebookRenderer.updating(nb, outputs: ["new\nlines"])
            == "```hedgebook\r\nvix 16\r\n```\r\n\r\n```output\r\nnew\r\nlines\r\n```\r\n")
    }

    @Test("An output holding ``` gets a longer fence, and parses back to the same text")
    func longerFence() {
        let cell = Cell(input: "help", command: .help(topic: nil), changesState: false,
                        output: "see ```this```\n````", result: .object([]), explanations: [])
        let md = NotebookRenderer.render([cell])
        #expect(md == "```hedgebook\nhelp\n```\n\n`````output\nsee ```this```\n````\n`````\n")
        let nb = NotebookParser.parse(md)
        #expect(nb.outputText(nb.cells[0]) == cell.output)
    }

    @Test("Updating rewrites output blocks only: adds, replaces and removes them, prose untouched")
    func updating() {
        let nb = NotebookParser.parse(Self.sample)
        let updated = NotebookRenderer.updating(nb, outputs: ["", "strikes"])
        #expect(updated == Self.sample
            .replacingOccurrences(of: "\n\n```output\nfirst line\nsecond line\n```\n", with: "\n")
            .replacingOccurrences(of: "condor\n```\n", with: "condor\n```\n\n```output\nstrikes\n```\n"))
        let same = NotebookRenderer.updating(nb, outputs: ["first line\nsecond line", ""])
        #expect(same == Self.sample)
    }

    @Test("Export then parse gives back each command and its output")
    func exportParsesBack() {
        let s = Shell()
        for line in ["# Intro", "account 100000; loss 900", "condor", "# the end"] { _ = s.execute(line) }
        let nb = NotebookParser.parse(NotebookRenderer.render(s.session.cells))
        let commands = s.session.cells.filter { if case .note = $0.command { false } else { true } }
        #expect(nb.cells.map { String(nb.commandLines($0)[0].text) } == commands.map(\.input))
        #expect(nb.cells.map(nb.outputText) == commands.map(\.output))
    }
}
