/// Writes notebooks: a session's cells as Markdown (`export`), and a notebook with new outputs
/// (`check --update`), leaving its prose byte for byte.
public enum NotebookRenderer {
    /// The cells as a notebook: runs of notes become prose paragraphs (a note `# ## Title` is a
    /// heading, an empty note `#` a paragraph break), each command a ```` ```hedgebook ```` block,
    /// then after one blank line an ```` ```output ```` block when it printed something.
    public static func render(_ cells: [Cell]) -> String {
        var sections: [String] = []
        var prose: [String] = []
        func flush() {
            // Blank notes at the edges of a paragraph would only pile up blank lines.
            while prose.first?.isEmpty == true { prose.removeFirst() }
            while prose.last?.isEmpty == true { prose.removeLast() }
            // A heading is its own paragraph, as Markdown writers set it.
            var text = ""
            for (i, line) in prose.enumerated() {
                if i > 0 { text += isHeading(prose[i - 1]) && !line.isEmpty ? "\n\n" : "\n" }
                text += line
            }
            if !prose.isEmpty { sections.append(text) }
            prose = []
        }
        for cell in cells {
            if case .note(let text) = cell.command {
                prose.append(escapingFence(text))
                continue
            }
            flush()
            sections.append(block("hedgebook", cell.savedInput))
            if !cell.output.isEmpty { sections.append(block("output", cell.output)) }
        }
        flush()
        return sections.isEmpty ? "" : sections.joined(separator: "\n\n") + "\n"
    }

    /// A note that would open a fenced block (```` ```hedgebook ````, `~~~`) gets a backslash
    /// before its fence, as CommonMark escapes it: it reads the same, and `run` of the exported
    /// notebook executes exactly the session's cells, never a note.
    static func escapingFence(_ line: String) -> String {
        guard NotebookParser.openingFence(line[...]) != nil else { return line }
        let indent = line.prefix { $0 == " " }
        return indent + "\\" + line.dropFirst(indent.count)
    }

    /// `# Title` to `###### Title`.
    static func isHeading(_ line: String) -> Bool {
        let hashes = line.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && (line.count == hashes || line.dropFirst(hashes).first == " ")
    }

    /// A fenced block without its final line ending.
    static func block(_ info: String, _ body: String) -> String {
        let fence = self.fence(for: body)
        return fence + info + "\n" + body + "\n" + fence
    }

    /// Three backticks, or one more than the longest run of backticks in `body`.
    static func fence(for body: String, atLeast minimum: Int = 3) -> String {
        var longest = 0, run = 0
        for c in body {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(minimum, longest + 1))
    }

    /// `notebook` with each cell's output replaced by `outputs[i]` ("" removes the output block,
    /// a missing block is added after its command). Lines outside output blocks are kept as they are.
    public static func updating(_ notebook: Notebook, outputs: [String]) -> String {
        precondition(outputs.count == notebook.cells.count, "one output per cell")
        var lines = notebook.lines
        let ending = lines.first.map { $0.hasSuffix("\r\n") ? "\r\n" : "\n" } ?? "\n"
        for (cell, new) in zip(notebook.cells, outputs).reversed() where notebook.outputText(cell) != new {
            guard let commandEnd = cell.command.close else { continue }
            let body = new.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + ending }
            if let output = cell.output, let outputEnd = output.close {
                if new.isEmpty {
                    lines.removeSubrange((commandEnd + 1)...outputEnd)
                    continue
                }
                let fence = self.fence(for: new, atLeast: output.fence.count)
                if fence == output.fence {
                    lines.replaceSubrange(output.body(in: lines), with: body)
                } else {
                    lines.replaceSubrange(output.open...outputEnd,
                                          with: [fence + "output" + ending] + body + [fence + ending])
                }
            } else if !new.isEmpty {
                if !lines[commandEnd].hasSuffix("\n") && !lines[commandEnd].hasSuffix("\r\n") {
                    lines[commandEnd] += ending
                }
                let fence = self.fence(for: new)
                lines.insert(contentsOf: [ending, fence + "output" + ending] + body + [fence + ending], at: commandEnd + 1)
            }
        }
        return lines.joined()
    }
}
