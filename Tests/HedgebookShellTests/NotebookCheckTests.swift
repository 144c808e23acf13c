import Foundation
import Testing

@testable import HedgebookShell

@Suite("Notebook: check re-runs a notebook and compares its outputs")
struct NotebookCheckTests {
    /// A session exported as a notebook, with prose.
    static func exported() -> String {
        let s = Shell()
        for line in ["# # Sizing after a loss", "#", "# Prose with a digit: 900.", "account 100000",
                     "loss 900", "# ## The condor", "condor", "progression", "journal"] {
            precondition(s.execute(line).ok)
        }
        return NotebookRenderer.render(s.session.cells)
    }

    @Test("export → check matches, and --update changes nothing")
    func roundTrip() {
        let text = Self.exported()
        let result = NotebookCheck.check(text, path: "lesson.md")
        #expect(result.matches, "\(result.report)")
        #expect(result.report.isEmpty)
        #expect(result.updated == text)
    }

    @Test("One changed digit in an output fails at its line, with a unified diff")
    func changedDigit() throws {
        let text = Self.exported()
        var lines = text.components(separatedBy: "\n")
        // The loss's output says "loss $900.00 at step 1 → step 2": change one digit.
        let index = try #require(lines.firstIndex { $0.hasPrefix("loss $900.00") })
        lines[index] = lines[index].replacingOccurrences(of: "$900.00", with: "$901.00")
        let broken = lines.joined(separator: "\n")
        let result = NotebookCheck.check(broken, path: "lesson.md")
        #expect(!result.matches)
        #expect(result.differences.map(\.line) == [index + 1])
        #expect(result.report.hasPrefix("lesson.md:\(index + 1): output differs from the re-run of `loss 900`"))
        #expect(result.report.contains("--- lesson.md\n+++ lesson.md (re-run)\n@@ -"))
        #expect(result.report.contains("\n-" + lines[index] + "\n+" + lines[index].replacingOccurrences(of: "$901.00", with: "$900.00") + "\n"))
        #expect(result.updated == text)
    }

    @Test("--update fixes outputs and leaves prose byte-identical, even prose that mentions the numbers")
    func updateKeepsProse() {
        let prose = "Intro with  odd   spacing and a trailing space \n\n* a list\n\n"
        let text = prose + "```hedgebook\naccount 100000\n```\n\n```output\nstale\n```\n\nMiddle prose.\n\n```hedgebook\ncondor\n```\nno blank line before this prose\n"
        let result = NotebookCheck.check(text, path: "n.md")
        #expect(result.differences.count == 2)
        #expect(result.updated.hasPrefix(prose + "```hedgebook\naccount 100000\n```\n\n```output\naccount set to $100,000.00"))
        #expect(result.updated.contains("```\n\nMiddle prose.\n\n```hedgebook\ncondor\n```\n\n```output\nSPX iron condor"))
        #expect(result.updated.hasSuffix("```\nno blank line before this prose\n"))
        #expect(NotebookCheck.check(result.updated, path: "n.md").matches)
    }

    @Test("A failing command stops the check with its error at the Markdown line and column")
    func failingCommand() {
        let text = "# Title\n\n```hedgebook\naccount 100000\nwithdraw 1m\n```\n"
        let result = NotebookCheck.check(text, path: "bad.md")
        #expect(!result.matches)
        #expect(result.errors.first?.hasPrefix("bad.md:5:10: error:") == true, "\(result.errors)")
    }

    @Test("A multi-line block's output is every line's output in order")
    func multiLineBlock() {
        let text = "```hedgebook\nvix 16\nspx 6000\n```\n\n```output\n\n```\n"
        let result = NotebookCheck.check(text, path: "m.md")
        let s = Shell()
        let expected = s.execute("vix 16").text + "\n" + s.execute("spx 6000").text
        #expect(NotebookParser.parse(result.updated).outputText(NotebookParser.parse(result.updated).cells[0]) == expected)
    }

    @Test("A notebook runs in a fresh session: dates come from the notebook, not the clock")
    func freshSession() {
        let text = "```hedgebook\naccount 100000\nloss 900\njournal\n```\n"
        let first = NotebookCheck.check(text, path: "a.md").updated
        #expect(NotebookCheck.check(first, path: "a.md").matches)
    }

    @Test("Structural problems are reported and nothing is run or rewritten")
    func structure() {
        let text = "```output\norphan\n```\n"
        let result = NotebookCheck.check(text, path: "o.md")
        #expect(result.errors == ["o.md:1: error: this output block does not follow a hedgebook block"])
        #expect(result.updated == text)
    }
}
