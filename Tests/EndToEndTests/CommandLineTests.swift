import Testing

/// The command line itself: version, help and usage errors (exit status 2).
@Suite("Command line")
struct CommandLineTests {
    @Test("--version prints the name and version")
    func version() throws {
        let run = try Hedgebook().run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "hedgebook 0.1.0\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("--help lists the modes and exits 0")
    func help() throws {
        let run = try Hedgebook().run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
        #expect(run.stdout.contains("run <file>"))
        #expect(run.stdout.contains("--keep-going"))
        #expect(run.stdout.contains("--json"))
    }

    @Test("An unknown flag is a usage error that names it", arguments: [
        ["--bogus"], ["run", "--bogus", "x.hb"], ["-c"],
    ])
    func unknownFlag(arguments: [String]) throws {
        let run = try Hedgebook().run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Error"))
    }

    @Test("run with no file is a usage error")
    func runWithoutFiles() throws {
        let run = try Hedgebook().run(["run"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("<file>"))
    }

    @Test("A missing file is a usage error that names the file, and nothing runs")
    func missingFile() throws {
        let hedgebook = try Hedgebook()
        let present = try hedgebook.script("present.hb", "quit\n")
        let missing = hedgebook.folder.appendingPathComponent("missing.hb").path
        let run = try hedgebook.run(["run", present, missing])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(missing))
        #expect(run.stderr.contains("No such file"))
    }
}
