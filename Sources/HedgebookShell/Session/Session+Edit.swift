/// Editing the list of cells: the state stays the fold of the cells, in order.
extension Session {
    /// Why an edit of the cell list was refused: the cell (1-based, in the edited list) that
    /// would fail, its text, and its failure.
    public struct EditFailure: Error, Sendable, Equatable {
        public var cell: Int
        public var input: String
        public var failure: CommandFailure
    }

    /// One command to put in the list: its typed form and its source text.
    public struct NewCell: Sendable, Equatable {
        public var command: Command
        public var input: String

        public init(_ command: Command, input: String) {
            self.command = command
            self.input = input
        }
    }

    /// Replaces cells `range` (0-based) with `replacement` and re-folds every cell after them,
    /// from the nearest snapshot. All or nothing: when any cell of the new list fails, the
    /// session is left exactly as it was and the failure names that cell.
    ///
    /// Returns the cells that were replaced. A successful edit clears the redo stack, as a new cell does.
    @discardableResult
    public func replace(_ range: Range<Int>, with replacement: [NewCell]) throws(EditFailure) -> [Cell] {
        precondition(range.lowerBound >= 0 && range.upperBound <= cells.count, "cells out of range")
        let removed = Array(cells[range])
        let tail = cells[range.upperBound...].map { NewCell($0.command, input: $0.input) }
        let redo = undone
        rollBack(to: range.lowerBound)
        for (offset, cell) in (replacement + tail).enumerated() {
            do throws(CommandFailure) {
                try accept(cell.command, input: cell.input)
            } catch {
                // Put the old cells back: they succeeded on this very state before, so they cannot fail now.
                rollBack(to: range.lowerBound)
                for old in removed.map({ NewCell($0.command, input: $0.input) }) + tail {
                    _ = try? accept(old.command, input: old.input)
                }
                undone = redo
                throw EditFailure(cell: range.lowerBound + offset + 1, input: cell.input, failure: error)
            }
        }
        undone.removeAll()
        return removed
    }
}
