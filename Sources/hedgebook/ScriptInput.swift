import Glibc
import HedgebookShell

/// The three script modes: files (`run`), `-c` text and a piped stdin.
/// Results go to stdout, errors to stderr; scripts get no `date <today>` cell.
enum ScriptInput {
    /// Runs the files in order in one session; an unreadable file is a usage error (2),
    /// checked before any line runs.
    static func runFiles(_ paths: [String], options: ScriptRunner.Options) -> Int32 {
        var errors = FileStream.standardError
        var texts: [String] = []
        for path in paths {
            do {
                texts.append(try FileReader.text(atPath: path))
            } catch {
                switch error {
                case .cannotRead(let path, let reason):
                    errors.write(Display.neutralised("hedgebook: cannot read '\(path)': \(reason)\n"))
                }
                return 2
            }
        }
        var runner = ScriptRunner(shell: Shell(), options: options)
        let buffer = BufferedOutput()
        defer { buffer.flush() }
        var output = buffer.output
        var results = buffer.errors
        for (path, text) in zip(paths, texts) where !runner.stopped {
            if path.hasSuffix(".md") {
                runner.runNotebook(text, source: path, output: &output, errors: &results)
            } else {
                runner.run(text, source: path, output: &output, errors: &results)
            }
        }
        finished = runner.shell
        return runner.exitStatus
    }

    /// The last script's shell, kept until the process exits: freeing a long session's cells
    /// one by one only to exit took a tenth of `hedgebook run` on a 100,000-line script.
    nonisolated(unsafe) static var finished: Shell?

    static func runText(_ text: String, source: String, options: ScriptRunner.Options) -> Int32 {
        var runner = ScriptRunner(shell: Shell(), options: options)
        let buffer = BufferedOutput()
        defer { buffer.flush() }
        var output = buffer.output
        var errors = buffer.errors
        runner.run(text, source: source, output: &output, errors: &errors)
        return runner.exitStatus
    }

    /// Streams stdin line by line, so each line's result appears as soon as it is read. Each
    /// byte is scanned for a newline once (a long line arriving in many reads costs linear
    /// time), and a line longer than ``Shell/maximumLineLength`` is refused when it ends.
    static func runStandardInput(options: ScriptRunner.Options) -> Int32 {
        let source = "<stdin>"
        var runner = ScriptRunner(shell: Shell(), options: options)
        let pending = BufferedOutput()
        defer { pending.flush() }
        var output = pending.output
        var errors = pending.errors
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var lineNumber = 0
        var scanned = 0  // bytes of `buffer` already searched for a newline
        reading: while !runner.stopped {
            pending.flush()  // every result so far is out before waiting for more input
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                errors.write("hedgebook: cannot read stdin: \(FileReader.lastError())\n")
                return 2
            }
            if n == 0 { break }
            buffer.append(contentsOf: chunk[0..<n])
            var start = 0
            while let newline = buffer[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                runner.feed(line[...], lineNumber: lineNumber, source: source,
                            output: &output, errors: &errors)
                start = newline + 1
                if runner.stopped { break reading }
            }
            buffer.removeFirst(start)
            scanned = buffer.count
        }
        if !runner.stopped && !buffer.isEmpty {
            lineNumber += 1
            let line = String(decoding: buffer, as: UTF8.self)
            runner.feed(line[...], lineNumber: lineNumber, source: source,
                        output: &output, errors: &errors)
        }
        runner.finishSource(source, output: &output, errors: &errors)
        return runner.exitStatus
    }
}
