/// A line diff in the unified format of `diff -u`: `---`/`+++` names, then `@@ -l,n +l,n @@`
/// hunks with three lines of context.
public enum UnifiedDiff {
    /// One step of an edit script.
    enum Op: Equatable { case same, delete, insert }

    /// The diff of `old` into `new`, or "" when they are equal.
    public static func render<S: StringProtocol>(
        old: [S], new: [S], oldName: String, newName: String, context: Int = 3
    ) -> String {
        let a = old.map { String($0) }, b = new.map { String($0) }
        let ops = script(a, b)
        // Each op with the old and new line indices it stands at.
        var steps: [(op: Op, a: Int, b: Int)] = []
        var i = 0, j = 0
        for op in ops {
            steps.append((op, i, j))
            if op != .insert { i += 1 }
            if op != .delete { j += 1 }
        }
        let changes = steps.indices.filter { steps[$0].op != .same }
        guard !changes.isEmpty else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Changes with at most twice the context of unchanged lines between them share a hunk.
        var hunks: [Range<Int>] = []
        for c in changes {
            let lower = max(0, c - context), upper = min(steps.count, c + context + 1)
            if let previous = hunks.last, lower <= previous.upperBound {
                hunks[hunks.count - 1] = previous.lowerBound..<upper
            } else {
                hunks.append(lower..<upper)
            }
        }
        for hunk in hunks {
            let part = steps[hunk]
            let oldCount = part.filter { $0.op != .insert }.count
            let newCount = part.filter { $0.op != .delete }.count
            let first = part[part.startIndex]
            out += "@@ -\(range(first.a, oldCount)) +\(range(first.b, newCount)) @@\n"
            for step in part {
                switch step.op {
                case .same: out += " " + a[step.a] + "\n"
                case .delete: out += "-" + a[step.a] + "\n"
                case .insert: out += "+" + b[step.b] + "\n"
                }
            }
        }
        return out
    }

    /// `start,count` as diff writes it: 1-based; the line before an empty range; `,1` left out.
    static func range(_ index: Int, _ count: Int) -> String {
        if count == 0 { return "\(index),0" }
        return count == 1 ? "\(index + 1)" : "\(index + 1),\(count)"
    }

    /// The shortest edit script turning `a` into `b` (Myers, "An O(ND) difference algorithm", 1986).
    static func script(_ a: [String], _ b: [String]) -> [Op] {
        let n = a.count, m = b.count
        let offset = n + m + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk back from the end through the saved frontiers.
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let previousX = v[offset + previousK], previousY = previousX - previousK
            while x > previousX && y > previousY {
                ops.append(.same)
                x -= 1; y -= 1
            }
            if d > 0 { ops.append(x == previousX ? .insert : .delete) }
            x = previousX; y = previousY
        }
        return ops.reversed()
    }
}
