import ArgumentParser
import Glibc
import HedgebookShell

/// `hedgebook teach FILE`: a lesson one cell at a time, waiting for a key between cells.
struct Teach: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk through a lesson (a notebook .md or a script) one cell at a time.",
        discussion: """
            Each cell shows its narration, its command and the output computed by running the \
            lesson. Keys: Enter or n next, b back, w why (the explanation of the cell's numbers), \
            q quit. When stdin is not a terminal, each line is one key command (empty or n, b, w, q).
            """)

    @Argument(help: ArgumentHelp("The lesson: a notebook (.md) or a script.", valueName: "file"))
    var file: String

    mutating func run() throws {
        let status = execute()
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs the lesson and returns the exit status: 0, or 2 when the file cannot be read.
    func execute() -> Int32 {
        var output = FileStream.standardOutput
        let text: String
        do { text = try FileReader.text(atPath: file) } catch {
            var errors = FileStream.standardError
            switch error {
            case .cannotRead(let path, let reason): errors.write(Display.neutralised("hedgebook: cannot read '\(path)': \(reason)\n"))
            }
            return 2
        }
        var teaching = TeachingSession(lesson: Lesson.parse(text, name: file), source: file)
        let interactive = isatty(1) != 0 && RawTerminal.enable()
        defer { if interactive { RawTerminal.restore() } }
        output.write((interactive ? "\u{1b}[H\u{1b}[2J" : "") + TerminalLocale.text(teaching.screen()) + "\n")
        while true {
            let key: TeachingSession.Key
            if interactive {
                guard let byte = RawTerminal.readKey() else { break }
                key = TeachingSession.Key(byte: byte)
            } else {
                guard let line = readLine(strippingNewline: true) else { break }
                key = TeachingSession.Key(line: line)
            }
            switch teaching.handle(key) {
            case .show(let screen): show(screen, clear: interactive, to: &output)
            case .message(let text): output.write("\n" + TerminalLocale.text(text) + "\n")
            case .quit: return 0
            }
        }
        return 0
    }

    /// Prints a cell; on a terminal, on a cleared screen.
    private func show(_ screen: String, clear: Bool, to output: inout FileStream) {
        output.write((clear ? "\u{1b}[H\u{1b}[2J" : "\n") + TerminalLocale.text(screen) + "\n")
    }
}
