import Foundation
import Testing

/// `hedgebook check` and `hedgebook run FILE.md` on real files, through the binary.
@Suite("Check: notebooks re-run by the binary")
struct CheckCommandTests {
    /// A notebook exported by the binary itself from a script with prose.
    static func exported(_ hedgebook: Hedgebook, name: String = "lesson.md") throws -> String {
        let path = hedgebook.folder.appendingPathComponent(name).path
        let run = try hedgebook.run(["-c", """
            # # Lesson
            # The account, then a loss of 900.
            account 100000
            loss 900
            condor
            export \(path)
            """])
        #expect(run.status == 0, "\(run.stderr)")
        return path
    }

    @Test("export → check passes and exits 0")
    func exportThenCheck() throws {
        let hedgebook = try Hedgebook()
        let path = try Self.exported(hedgebook)
        let run = try hedgebook.run(["check", path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "checked 1 notebook: all match\n")
    }

    @Test("One changed digit fails with FILE:LINE, a unified diff, and exit 1; --update fixes it and keeps the prose")
    func changedDigit() throws {
        let hedgebook = try Hedgebook()
        let path = try Self.exported(hedgebook)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("P(profit) at expiry") })
        let good = lines[index]
        lines[index] = good.replacingOccurrences(of: "69.8%", with: "69.9%")
        #expect(lines[index] != good)
        // Prose that the update must leave byte for byte, odd spacing included.
        let broken = "Teacher's  note,  kept as typed.  \n\n" + lines.joined(separator: "\n")
        try broken.write(toFile: path, atomically: true, encoding: .utf8)

        let check = try hedgebook.run(["check", path])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("\(path):\(index + 3): output differs from the re-run of `condor`"), "\(check.stdout)")
        #expect(check.stdout.contains("--- \(path)\n+++ \(path) (re-run)\n@@ -"))
        #expect(check.stdout.contains("\n-\(lines[index])\n+\(good)\n"))
        #expect(check.stdout.hasSuffix("checked 1 notebook: 1 differs\n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)

        let update = try hedgebook.run(["check", "--update", path])
        #expect(update.status == 0)
        #expect(update.stdout.contains("updated \(path): 1 output"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Teacher's  note,  kept as typed.  \n\n" + original)
        #expect(try hedgebook.run(["check", path]).status == 0)
    }

    @Test("A missing file is a usage error (2) and nothing is checked")
    func missingFile() throws {
        let hedgebook = try Hedgebook()
        let path = try Self.exported(hedgebook)
        let run = try hedgebook.run(["check", path, hedgebook.folder.appendingPathComponent("nope.md").path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("nope.md"))
        #expect(try hedgebook.run(["check"]).status == 2)
    }

    @Test("run FILE.md runs the hedgebook blocks and locates errors at the Markdown line")
    func runNotebook() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("n.md", """
            # A notebook

            ```sh
            not run: account 1
            ```

            ```hedgebook
            account 100000
            ```

            Prose between.

            ```hedgebook
            withdraw 1m
            ```

            """)
        let run = try hedgebook.run(["run", path])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("account set to $100,000.00"))
        #expect(run.stderr.hasPrefix("\(path):14:10: error:"), "\(run.stderr)")
    }

    @Test("A failing command in a notebook makes check exit 1 with its location, and --update writes nothing")
    func failingCommand() throws {
        let hedgebook = try Hedgebook()
        let text = "```hedgebook\naccount 100000\n```\n\n```hedgebook\nloss abc\n```\n"
        let path = try hedgebook.script("f.md", text)
        let check = try hedgebook.run(["check", "--update", path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(path):6:6: error:"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }
}
