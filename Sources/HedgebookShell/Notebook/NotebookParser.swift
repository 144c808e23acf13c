/// Reads Markdown into a ``Notebook``.
///
/// Fences follow CommonMark: three or more backticks or tildes, indented at most three spaces,
/// closed by a fence of the same character at least as long (or the end of the file). Only a
/// backtick fence at the margin whose info string is `hedgebook` or `output` is a cell; any other
/// fenced block (a ```` ```markdown ```` example holding ```` ```hedgebook ````, say) is prose.
/// An `output` block belongs to the `hedgebook` block just before it, with only blank lines between.
public enum NotebookParser {
    public static func parse(_ text: String) -> Notebook {
        let lines = splitLines(text)
        var cells: [Notebook.Cell] = []
        var problems: [Notebook.Problem] = []
        var i = 0
        while i < lines.count {
            guard let open = openingFence(Notebook.content(lines[i])) else { i += 1; continue }
            var close: Int?
            var j = i + 1
            while j < lines.count {
                if isClosing(Notebook.content(lines[j]), for: open) { close = j; break }
                j += 1
            }
            let block = Notebook.Block(open: i, close: close, fence: open.fence)
            let isCell = open.indent == 0 && open.fence.first == "`"
            if isCell && (open.info == "hedgebook" || open.info == "output") && close == nil {
                // It runs to the end of the file, as Markdown reads it; `check` refuses it.
                problems.append(.init(line: i + 1, message: "the ```\(open.info) block opened here is never closed"))
            }
            if isCell && open.info == "hedgebook" {
                cells.append(Notebook.Cell(command: block, output: nil))
            } else if isCell && open.info == "output" {
                if let last = cells.last, last.output == nil, let end = last.command.close,
                   (end + 1..<i).allSatisfy({ Notebook.content(lines[$0]).allSatisfy(\.isWhitespace) }) {
                    cells[cells.count - 1].output = block
                } else {
                    problems.append(.init(line: i + 1, message: "this output block does not follow a hedgebook block"))
                }
            }
            i = (close ?? lines.count) + 1
        }
        return Notebook(lines: lines, cells: cells, problems: problems)
    }

    /// The lines of `text`, each keeping its line ending.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for c in text {
            current.append(c)
            if c == "\n" || c == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    struct Fence {
        var indent: Int
        var fence: String
        /// The info string's first word.
        var info: String
    }

    static func openingFence(_ line: Substring) -> Fence? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let mark = rest.first, mark == "`" || mark == "~" else { return nil }
        let fence = rest.prefix { $0 == mark }
        guard fence.count >= 3 else { return nil }
        let info = rest.dropFirst(fence.count)
        if mark == "`" && info.contains("`") { return nil }
        let word = info.drop { $0 == " " || $0 == "\t" }.prefix { !$0.isWhitespace }
        return Fence(indent: indent, fence: String(fence), info: String(word))
    }

    static func isClosing(_ line: Substring, for open: Fence) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let mark = open.fence.first!
        let fence = rest.prefix { $0 == mark }
        return fence.count >= open.fence.count && rest.dropFirst(fence.count).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
