import Foundation
import Testing

@testable import HedgebookShell

@Suite("Notebook: unified diff")
struct NotebookDiffTests {
    @Test("A changed line in the middle: three lines of context, GNU hunk header")
    func oneChange() {
        let old = (1...10).map { "line \($0)" }
        var new = old
        new[4] = "line five"
        // Worked by hand: the hunk covers lines 2–8 (3 of context either side of line 5).
        #expect(UnifiedDiff.render(old: old, new: new, oldName: "a.md", newName: "a.md (re-run)") == """
            --- a.md
            +++ a.md (re-run)
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test("Insertions at the start, an empty old file, and equal files")
    func edges() {
        // As GNU diff -u writes it: the context line makes the old range line 1.
        #expect(UnifiedDiff.render(old: ["b"], new: ["a", "b"], oldName: "x", newName: "y") == "--- x\n+++ y\n@@ -1 +1,2 @@\n+a\n b\n")
        #expect(UnifiedDiff.render(old: [String](), new: ["a"], oldName: "x", newName: "y") == "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n")
        #expect(UnifiedDiff.render(old: ["a", "b"], new: ["a", "b"], oldName: "x", newName: "y") == "")
    }

    @Test("Changes far apart make separate hunks; close ones share one")
    func hunks() {
        let old = (1...30).map(String.init)
        var far = old, near = old
        far[2] = "x"; far[25] = "y"
        near[2] = "x"; near[8] = "y"  // 5 unchanged lines between: within 2 × 3 + 1
        #expect(UnifiedDiff.render(old: old, new: far, oldName: "a", newName: "b").components(separatedBy: "@@ -").count == 3)
        #expect(UnifiedDiff.render(old: old, new: near, oldName: "a", newName: "b").components(separatedBy: "@@ -").count == 2)
    }

    /// Random pairs of files over a small alphabet, so lines repeat and the diff has choices.
    static let cases: [UInt64] = Array(1...40)

    @Test("Applying the diff to the old lines gives the new ones, with as few changes as GNU diff --minimal", arguments: cases)
    func againstGNUDiff(_ seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        let old = (0..<Int(rng.next() % 25)).map { _ in "l\(rng.next() % 5)" }
        var new = old
        for _ in 0..<Int(rng.next() % 6) {
            let r = rng.next()
            if r % 3 == 0 || new.isEmpty { new.insert("n\(r % 4)", at: Int(rng.next() % UInt64(new.count + 1))) }
            else if r % 3 == 1 { new.remove(at: Int(rng.next() % UInt64(new.count))) }
            else { new[Int(rng.next() % UInt64(new.count))] = "c\(r % 4)" }
        }
        let diff = UnifiedDiff.render(old: old, new: new, oldName: "a", newName: "b")
        #expect(apply(diff, to: old) == new, "\(diff)")

        let gnu = try gnuDiff(old, new)
        func changes(_ text: String) -> Int {
            text.split(separator: "\n").filter { ($0.hasPrefix("-") && !$0.hasPrefix("---")) || ($0.hasPrefix("+") && !$0.hasPrefix("+++")) }.count
        }
        #expect(changes(diff) == changes(gnu), "ours:\n\(diff)\nGNU:\n\(gnu)")
    }

    /// Applies a unified diff to `lines` (the hunks' old start lines are trusted).
    func apply(_ diff: String, to lines: [String]) -> [String] {
        var out: [String] = []
        var next = 0
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) where !line.isEmpty {
            if line.hasPrefix("@@ -") {
                // "-start,count" or "-start" (count 1); an empty range names the line before it.
                let range = line.dropFirst(4).prefix { $0 != " " }.split(separator: ",")
                let start = Int(range[0])!, count = range.count > 1 ? Int(range[1])! : 1
                let index = count == 0 ? start : start - 1
                while next < index { out.append(lines[next]); next += 1 }
                continue
            }
            switch line.first {
            case " ": out.append(lines[next]); next += 1
            case "-": next += 1
            case "+": out.append(String(line.dropFirst()))
            default: Issue.record("bad diff line \(line)")
            }
        }
        while next < lines.count { out.append(lines[next]); next += 1 }
        return out
    }

    func gnuDiff(_ a: [String], _ b: [String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hb-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fa = dir.appendingPathComponent("a"), fb = dir.appendingPathComponent("b")
        try a.map { $0 + "\n" }.joined().write(to: fa, atomically: true, encoding: .utf8)
        try b.map { $0 + "\n" }.joined().write(to: fb, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        p.arguments = ["--minimal", "-u", fa.path, fb.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A small seeded generator (SplitMix64), so every run tests the same cases.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
