import Testing
import HedgebookShell

/// ``ScriptRunner`` in process, on the real shell.
@Suite("ScriptRunner")
struct ScriptRunnerTests {
    @Test("Results go to output, failures to errors with file:line:column")
    func streams() {
        let outcome = ScriptRunner.run("account 100000\nfrobnicate\n", source: "s.hb", shell: Shell(),
                                       options: .init(keepGoing: true))
        #expect(outcome.exitStatus == 1)
        #expect(outcome.output.contains("100,000"))
        #expect(outcome.errors.hasPrefix("s.hb:2:1:"))
    }

    @Test("Lines count from 1, blank lines included; a continued line takes its first number")
    func lineNumbers() {
        let outcome = ScriptRunner.run("\naccount \\\n 100000\nfrobnicate\n", source: "s.hb", shell: Shell())
        #expect(outcome.exitStatus == 1)
        #expect(outcome.errors.hasPrefix("s.hb:4:1:"))
    }

    @Test("The runner stops at the first failure")
    func stops() {
        let outcome = ScriptRunner.run("frobnicate\naccount 250000\n", source: "s.hb", shell: Shell())
        #expect(outcome.exitStatus == 1)
        #expect(!outcome.output.contains("250,000"))
    }

    @Test("A clean script exits 0 and writes no errors")
    func clean() {
        let outcome = ScriptRunner.run("account 100000\r\n\n   \n", source: "s.hb", shell: Shell())
        #expect(outcome.exitStatus == 0)
        #expect(outcome.errors.isEmpty)
    }

    @Test("quit stops the script")
    func quit() {
        let outcome = ScriptRunner.run("quit\nfrobnicate\n", source: "s.hb", shell: Shell())
        #expect(outcome.exitStatus == 0)
        #expect(outcome.errors.isEmpty)
        #expect(!outcome.output.contains("frobnicate"))
    }

    @Test("A backslash at the very end still runs the line")
    func danglingContinuation() {
        let outcome = ScriptRunner.run("account 100000 \\", source: "s.hb", shell: Shell())
        #expect(outcome.exitStatus == 0)
        #expect(outcome.output.contains("100,000"))
    }

    @Test("continued(_:) drops only a trailing backslash")
    func continued() {
        #expect(ScriptRunner.continued("account \\") == "account ")
        #expect(ScriptRunner.continued("account") == nil)
        #expect(ScriptRunner.continued("a \\ b") == nil)
    }
}
