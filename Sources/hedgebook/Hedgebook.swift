import ArgumentParser
import Glibc
import HedgebookShell

/// `hedgebook`: the REPL on a terminal, a script on a piped stdin, or `-c 'cmd; cmd'`.
struct Hedgebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hedgebook",
        abstract: "A REPL for options traders: the condor, sizing, the hedge, the journal.",
        usage: """
            hedgebook [--json] [--keep-going]
            hedgebook -c <commands> [--json] [--keep-going]
            hedgebook run <file> ... [--json] [--keep-going]
            hedgebook check <file.md> ... [--update]
            hedgebook teach <file>
            hedgebook data [list | import spx|vix|vvix|events <file> [--replace]]
            """,
        discussion: """
            With no arguments hedgebook starts the REPL when stdin is a terminal, and runs \
            stdin as a script otherwise. Scripts stop at the first failing line unless \
            --keep-going. Exit status: 0 success, 1 a command failed, 2 a usage error.
            """,
        version: "hedgebook 0.1.0",
        subcommands: [Run.self, Teach.self, Docs.self, Check.self, DataCommand.self]
    )

    @Option(name: .customShort("c"), help: ArgumentHelp(
        "Run these commands (separated by ';' or newlines) and exit.", valueName: "commands"))
    var commands: String?

    @OptionGroup var script: ScriptFlags

    mutating func run() throws {
        let status = execute()
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs and returns the exit status.
    func execute() -> Int32 {
        if let commands {
            return ScriptInput.runText(commands, source: "<-c>", options: script.options)
        }
        if isatty(0) != 0 {
            return REPL().run()
        }
        return ScriptInput.runStandardInput(options: script.options)
    }
}

/// `hedgebook run FILE…`: the files in order, in one session.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run script files in order, in one session (a .md file runs its hedgebook blocks).")

    @Argument(help: ArgumentHelp("The script files.", valueName: "file"))
    var files: [String]

    @OptionGroup var script: ScriptFlags

    mutating func run() throws {
        let status = execute()
        if status != 0 { throw ExitCode(status) }
    }

    func execute() -> Int32 {
        ScriptInput.runFiles(files, options: script.options)
    }
}

/// The flags every script mode takes.
struct ScriptFlags: ParsableArguments {
    @Flag(help: "Print one JSON object per command, one per line, and nothing else on stdout.")
    var json = false

    @Flag(help: "Run every line even after one failed (the exit status is still 1).")
    var keepGoing = false

    var options: ScriptRunner.Options { ScriptRunner.Options(keepGoing: keepGoing, json: json) }
}
