/// Running a notebook's commands: `hedgebook run FILE.md` and `check`.
extension ScriptRunner {
    /// Runs the lines of every `hedgebook` block of a notebook, in order, numbered as lines of
    /// the Markdown file (so errors say `FILE.md:LINE:COLUMN`). Prose is not run.
    public mutating func runNotebook(
        _ text: String, source: String,
        output: inout some TextOutputStream, errors: inout some TextOutputStream
    ) {
        let notebook = NotebookParser.parse(text)
        for cell in notebook.cells where !stopped {
            for (line, text) in notebook.commandLines(cell) where !stopped {
                feed(text, lineNumber: line, source: source, output: &output, errors: &errors)
            }
            // A trailing backslash does not carry into the next block.
            finishSource(source, output: &output, errors: &errors)
        }
    }
}

extension Notebook {
    /// What each cell prints now, run in order in `shell`; stops at the first failing command
    /// and returns its located error (the outputs then cover the cells before it).
    public func run(in shell: Shell, source: String) -> (outputs: [String], error: String?) {
        var outputs: [String] = []
        for cell in cells {
            var runner = ScriptRunner(shell: shell)
            var output = "", errors = ""
            for (line, text) in commandLines(cell) {
                runner.feed(text, lineNumber: line, source: source, output: &output, errors: &errors)
            }
            runner.finishSource(source, output: &output, errors: &errors)
            if runner.failed {
                return (outputs, errors.hasSuffix("\n") ? String(errors.dropLast()) : errors)
            }
            outputs.append(output.hasSuffix("\n") ? String(output.dropLast()) : output)
        }
        return (outputs, nil)
    }
}
