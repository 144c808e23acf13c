/// `hedgebook check`: re-runs a notebook in a fresh shell and compares every output block with
/// what its command prints now.
public enum NotebookCheck {
    /// An output block that no longer matches.
    public struct Difference: Sendable, Equatable {
        /// The 1-based line of the first line that differs (the command's closing fence when the
        /// output block is missing or the new output is longer).
        public var line: Int
        /// The command block's first line of text, and its line.
        public var command: String
        public var commandLine: Int
    }

    /// The outcome for one notebook.
    public struct Result: Sendable {
        public var path: String
        public var original: String
        /// The notebook with the new outputs (equal to ``original`` when everything matches).
        public var updated: String
        public var differences: [Difference]
        /// Located errors: a malformed block, or the command that failed (then nothing is compared after it).
        public var errors: [String]

        /// Why the notebook was not run (it needs market history the store does not hold), or `nil`.
        public var skipped: String? = nil

        /// True when every output matches and every command ran (or it was skipped, saying why).
        public var matches: Bool { errors.isEmpty && differences.isEmpty }

        /// What to print: the errors, each difference's `FILE:LINE:`, then the unified diff.
        public var report: String { Display.neutralised(rawReport) }

        private var rawReport: String {
            if let skipped { return "\(path): skipped: \(skipped)\n" }
            var out = errors.map { $0 + "\n" }.joined()
            for d in differences {
                out += "\(path):\(d.line): output differs from the re-run of `\(d.command)` (line \(d.commandLine))\n"
            }
            if !differences.isEmpty {
                out += UnifiedDiff.render(
                    old: NotebookParser.splitLines(original).map(Notebook.content),
                    new: NotebookParser.splitLines(updated).map(Notebook.content),
                    oldName: path, newName: path + " (re-run)")
            }
            return out
        }
    }

    /// Checks the notebook `text` read from `path` (the name used in messages). A notebook whose
    /// front matter says `requires: history FROM..TO` runs against `history`'s store, and is
    /// skipped, saying so, when the store lacks SPX and VIX closes over those dates.
    public static func check(_ text: String, path: String, history: MarketHistory = MarketHistory()) -> Result {
        let notebook = NotebookParser.parse(text)
        var result = Result(path: path, original: text, updated: text, differences: [], errors: [])
        guard notebook.problems.isEmpty else {
            result.errors = notebook.problems.map { "\(path):\($0.line): error: \($0.message)" }
            return result
        }
        switch FrontMatter.requirement(in: text) {
        case .none: break
        case .invalid(let line, let message):
            result.errors = ["\(path):\(line): error: \(message)"]
            return result
        case .history(let range):
            if !history.covers(range) {
                let span = range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""
                result.skipped = "it replays market history, and the store has no SPX and VIX closes\(span) (`make data` imports the sample)"
                return result
            }
        }
        let shell = Shell()
        shell.marketHistory = history
        let run = notebook.run(in: shell, source: path)
        if let error = run.error {
            result.errors = [error + "\n\(path): the notebook stops there; its outputs were not compared past it"]
        }
        for (cell, new) in zip(notebook.cells, run.outputs) where notebook.outputText(cell) != new {
            result.differences.append(difference(cell, new, in: notebook))
        }
        // Cells after a failing command keep their outputs.
        let kept = notebook.cells[run.outputs.count...].map(notebook.outputText)
        result.updated = NotebookRenderer.updating(notebook, outputs: run.outputs + kept)
        return result
    }

    private static func difference(_ cell: Notebook.Cell, _ new: String, in notebook: Notebook) -> Difference {
        let commandLine = cell.command.open + 2
        let command = notebook.commandLines(cell).first.map { String($0.text) } ?? ""
        let fenceLine = (cell.command.close ?? cell.command.open) + 1
        guard let output = cell.output else {
            return Difference(line: fenceLine, command: command, commandLine: commandLine)
        }
        let old = notebook.bodyLines(output)
        let fresh = new.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(old, fresh).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(old.count, fresh.count)
        return Difference(line: output.open + 2 + first, command: command, commandLine: commandLine)
    }
}
