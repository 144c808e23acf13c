/// A lesson read from a notebook (`.md`) or a script (`.hb`): a title and its steps.
///
/// In a notebook, prose is narration, each fenced `hedgebook` block is a command and the
/// `output` blocks are ignored (teaching mode computes outputs itself). In a script, a
/// comment-only line (`# text`) is narration and every other non-blank line is a command.
/// The first Markdown level-1 heading (`# Title`, written `# # Title` in a script) is the title.
public struct Lesson: Sendable, Equatable {
    /// One step: the narration before a command, and the command.
    public struct Step: Sendable, Equatable {
        /// Narration lines, paragraphs separated by one empty line; may be empty.
        public var narration: [String]
        /// The command's lines (one per script line; a notebook block may hold several);
        /// empty for closing narration after the last command.
        public var input: [String]
        /// The 1-based line of the file where the command starts (0 for closing narration).
        public var line: Int

        public init(narration: [String], input: [String], line: Int) {
            self.narration = narration
            self.input = input
            self.line = line
        }
    }

    public var title: String
    public var steps: [Step]

    public init(title: String, steps: [Step]) {
        self.title = title
        self.steps = steps
    }

    /// Reads `text`; `name` (a file name) gives the default title and, by its `.md` suffix,
    /// the format.
    public static func parse(_ text: String, name: String) -> Lesson {
        var reader = Reader()
        if name.hasSuffix(".md") || name.hasSuffix(".markdown") {
            reader.readNotebook(NotebookParser.parse(text))
        } else {
            reader.readScript(text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init))
        }
        return reader.finish(defaultTitle: Self.baseName(name))
    }

    /// `sessions/01-sizing.md` → `01-sizing`.
    static func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// Collects narration and commands line by line.
    private struct Reader {
        var title: String?
        var narration: [String] = []
        var steps: [Step] = []

        mutating func prose(_ line: String) {
            let trimmed = line.trimmingSpaces
            if title == nil, trimmed.hasPrefix("# ") {
                title = String(trimmed.dropFirst(2)).trimmingSpaces
                return
            }
            if trimmed.isEmpty {
                if let last = narration.last, !last.isEmpty { narration.append("") }
            } else {
                narration.append(line)
            }
        }

        mutating func command(_ input: [String], line: Int) {
            while narration.last == "" { narration.removeLast() }
            steps.append(Step(narration: narration, input: input, line: line))
            narration = []
        }

        mutating func readScript(_ lines: [String]) {
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingSpaces
                if trimmed.hasPrefix("#") {
                    var text = trimmed.dropFirst()
                    if text.first == " " { text = text.dropFirst() }
                    prose(String(text))
                } else if trimmed.isEmpty {
                    prose("")
                } else {
                    command([line], line: index + 1)
                }
            }
        }

        /// The notebook's cells are read as ``NotebookParser`` reads them for `check`; every
        /// line outside a cell's command and output blocks is narration.
        mutating func readNotebook(_ notebook: Notebook) {
            var next = FrontMatter.lineCount(notebook.lines)
            for cell in notebook.cells {
                for i in next..<max(next, cell.command.open) { prose(String(Notebook.content(notebook.lines[i]))) }
                let lines = notebook.commandLines(cell)
                command(lines.map { String($0.text) }, line: lines.first?.line ?? cell.command.open + 2)
                let last = cell.output.map { $0.close ?? notebook.lines.count - 1 }
                    ?? cell.command.close ?? notebook.lines.count - 1
                next = max(next, last + 1)
            }
            for i in next..<max(next, notebook.lines.count) { prose(String(Notebook.content(notebook.lines[i]))) }
        }

        mutating func finish(defaultTitle: String) -> Lesson {
            while narration.last == "" { narration.removeLast() }
            if !narration.isEmpty { steps.append(Step(narration: narration, input: [], line: 0)) }
            return Lesson(title: title ?? defaultTitle, steps: steps)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !blank($0) }), let end = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[start...end])
    }
}
