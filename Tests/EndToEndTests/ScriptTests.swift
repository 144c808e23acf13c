import Testing

/// Scripts through `run`, `-c` and a piped stdin: results on stdout, errors on stderr,
/// exit 0 on success and 1 when a line failed, stop at the first failure unless --keep-going.
@Suite("Scripts")
struct ScriptTests {
    @Test("A script that succeeds prints its results and exits 0")
    func success() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("ok.hb", "account 100000\n")
        let run = try hedgebook.run(["run", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("100,000"))
        #expect(run.stderr.isEmpty)
    }

    @Test("A failing line's message carries file:line:column, and the script stops there")
    func failureStops() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("bad.hb", "account 100000\naccount abc\naccount 250000\n")
        let run = try hedgebook.run(["run", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):2:9:"))
        #expect(run.stdout.contains("100,000"))
        #expect(!run.stdout.contains("250,000"))
        #expect(!run.stdout.contains("error"))
    }

    @Test("An unknown command fails at column 1")
    func unknownCommand() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("unknown.hb", "\n\nfrobnicate 12\n")
        let run = try hedgebook.run(["run", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):3:1:"))
    }

    @Test("--keep-going runs every line and still exits 1")
    func keepGoing() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("bad.hb", "account 100000\nfrobnicate\naccount 250000\n")
        let run = try hedgebook.run(["run", path, "--keep-going"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):2:1:"))
        #expect(run.stdout.contains("250,000"))
    }

    @Test("Several files run in order in one session; errors name their own file")
    func severalFiles() throws {
        let hedgebook = try Hedgebook()
        let first = try hedgebook.script("first.hb", "account 100000\n")
        let second = try hedgebook.script("second.hb", "frobnicate\n")
        let run = try hedgebook.run(["run", first, second])
        #expect(run.status == 1)
        #expect(run.stdout.contains("100,000"))
        #expect(run.stderr.contains("\(second):1:1:"))
    }

    @Test("A trailing backslash continues the line")
    func continuation() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("continued.hb", "account \\\n  100000\n")
        let run = try hedgebook.run(["run", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("100,000"))
    }

    @Test("quit ends the script with status 0; later lines do not run")
    func quitStops() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("quit.hb", "quit\nfrobnicate\n")
        let run = try hedgebook.run(["run", path])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("frobnicate"))
        #expect(run.stderr.isEmpty)
    }

    @Test("-c runs its commands and exits 0")
    func commandOption() throws {
        let run = try Hedgebook().run(["-c", "account 100000; account 250000"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("250,000"))
        #expect(run.stderr.isEmpty)
    }

    @Test("-c with a failing command exits 1 with the error on stderr")
    func commandOptionFails() throws {
        let run = try Hedgebook().run(["-c", "frobnicate"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("1:1:"))
        #expect(run.stdout.isEmpty)
    }

    @Test("stdin that is not a terminal runs as a script, without prompts")
    func standardInput() throws {
        let run = try Hedgebook().run([], stdin: "account 100000\n\naccount 250000\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("100,000"))
        #expect(run.stdout.contains("250,000"))
        #expect(!run.stdout.contains("›"))
        #expect(!run.stdout.contains("[1]"))
    }

    @Test("A failing line on stdin exits 1 and names <stdin>")
    func standardInputFails() throws {
        let run = try Hedgebook().run([], stdin: "account 100000\nfrobnicate\naccount 250000\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("<stdin>:2:1:"))
        #expect(!run.stdout.contains("250,000"))
    }

    @Test("Empty stdin is an empty script: no output, status 0")
    func emptyStandardInput() throws {
        let run = try Hedgebook().run([], stdin: "")
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
    }
}
