/// A notebook: Markdown whose fenced `hedgebook` blocks are commands, each followed by a fenced
/// `output` block holding what it printed. Everything else is prose and is never touched.
///
/// The file is kept as its raw lines (with their line endings), so rewriting the outputs leaves
/// every other byte as it was.
public struct Notebook: Sendable, Equatable {
    /// One fenced block: the lines of its opening and closing fences (0-based indices into
    /// ``lines``) and the fence itself (three or more backticks).
    public struct Block: Sendable, Equatable {
        /// The opening fence's line.
        public var open: Int
        /// The closing fence's line; `nil` when the block runs to the end of the file.
        public var close: Int?
        /// The backticks of the opening fence.
        public var fence: String

        /// The lines between the fences.
        public func body(in lines: [String]) -> Range<Int> { (open + 1)..<(close ?? lines.count) }
    }

    /// A command block and the output block that follows it, if any.
    public struct Cell: Sendable, Equatable {
        public var command: Block
        public var output: Block?
    }

    /// Something wrong with the notebook's structure, at a 1-based line.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// The file's lines, each with its line ending (the last may have none).
    public var lines: [String]
    /// The command cells, in order.
    public var cells: [Cell]
    /// Blocks that cannot be read as cells (an unclosed fence, an output block after prose).
    public var problems: [Problem]

    /// A line without its line ending.
    public static func content(_ line: String) -> Substring {
        // "\r\n" is one Character, so either ending is the last Character.
        guard let last = line.last, last == "\n" || last == "\r\n" else { return line[...] }
        return line.dropLast()
    }

    /// The body of `block` without line endings.
    public func bodyLines(_ block: Block) -> [Substring] {
        block.body(in: lines).map { Self.content(lines[$0]) }
    }

    /// The commands of a cell as script lines: (1-based line number in the file, text).
    public func commandLines(_ cell: Cell) -> [(line: Int, text: Substring)] {
        cell.command.body(in: lines).map { ($0 + 1, Self.content(lines[$0])) }
    }

    /// The text of a cell's output block, lines joined by "\n"; "" when it has none.
    public func outputText(_ cell: Cell) -> String {
        guard let output = cell.output else { return "" }
        return bodyLines(output).joined(separator: "\n")
    }
}
