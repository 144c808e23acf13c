import Foundation
import Testing

@testable import HedgebookShell

/// The repository's root, found from this file's path.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func document(_ path: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
}

@Suite("Docs: the language reference")
struct LanguageReferenceDriftTests {
    @Test("docs/language.md is what the command table generates (run `make docs` when this fails)")
    func languageReferenceIsGenerated() throws {
        let file = try document("docs/language.md")
        let generated = CommandTable.markdownReference()
        guard file != generated else { return }
        let a = file.split(separator: "\n", omittingEmptySubsequences: false)
        let b = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
            docs/language.md drifted from CommandTable.markdownReference() at line \(first + 1):
              file:      \(first < a.count ? String(a[first]) : "<end of file>")
              generated: \(first < b.count ? String(b[first]) : "<end of file>")
            run `make docs` to regenerate it
            """)
    }
}

/// One `### ` section of docs/json.md: the commands it covers, its examples and its key rows.
struct ContractSection {
    var commands: [String]
    var examples: [String]
    /// Key path (`a`, `a.b`, `a[].b`) → optional.
    var keys: [(path: String, optional: Bool)]

    /// Backticked spans of `line`, in order.
    static func spans(_ line: Substring) -> [String] {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The sections after "## Results". An example may name `session.hb` or `risk.svg`: the
    /// test puts them in a temporary folder.
    static func parse(_ markdown: String) -> [ContractSection] {
        var sections: [ContractSection] = []
        var inResults = false
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("## ") { inResults = line.hasPrefix("## Results") }
            guard inResults else { continue }
            if line.hasPrefix("### ") {
                sections.append(ContractSection(commands: spans(line), examples: [], keys: []))
            } else if line.hasPrefix("Example: ") || line.hasPrefix("Examples: ") {
                sections[sections.count - 1].examples += spans(line)
            } else if line.hasPrefix("| `"), !sections.isEmpty {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count > 2, let path = spans(Substring(cells[1])).first else { continue }
                sections[sections.count - 1].keys.append((path, cells[2].contains("optional")))
            }
        }
        return sections
    }
}

@Suite("Docs: the JSON contract")
struct JSONContractTests {
    let sections: [ContractSection]

    init() throws {
        sections = ContractSection.parse(try document("docs/json.md"))
    }

    @Test("Every command of the table has a section in docs/json.md, and every section names real commands")
    func everyCommandIsDocumented() throws {
        #expect(!sections.isEmpty)
        let documented = Set(sections.flatMap(\.commands))
        for name in CommandTable.commandNames where !documented.contains(name) {
            Issue.record("docs/json.md has no section for `\(name)`")
        }
        for name in documented where CommandTable.command(named: name) == nil {
            Issue.record("docs/json.md documents `\(name)`, which is not a command")
        }
    }

    @Test("Every example's result has exactly the documented keys")
    func documentedKeysAppear() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hedgebook-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // `data` and `replay` examples read a store of a week of made-up closes.
        let store = try MarketStore(path: folder.appendingPathComponent("market.sqlite").path)
        _ = try store.importText(.spx, "2026-01-05,6000\n2026-01-06,6010\n2026-01-07,5990\n2026-01-08,6020\n2026-01-09,6030\n",
                                 file: "spx.csv", replace: false)
        _ = try store.importText(.vix, "2026-01-05,16\n2026-01-06,15.5\n2026-01-07,17\n2026-01-08,16.2\n2026-01-09,15.8\n",
                                 file: "vix.csv", replace: false)
        for section in sections {
            #expect(!section.examples.isEmpty, "section \(section.commands) has no example")
            for (n, example) in section.examples.enumerated() {
                let file = folder.appendingPathComponent("s\(n)-\(section.commands[0]).hb").path
                let shell = Shell()
                shell.marketHistory = MarketHistory(path: store.path)
                for setup in ["date 2026-01-05", "account 100000"] { _ = shell.execute(setup) }
                if example.hasPrefix("load ") || example.hasPrefix("load! ") { _ = shell.execute("save \"\(file)\"") }
                // Examples that write files write them in the test's own folder.
                let line = example.replacingOccurrences(of: "session.hb", with: "\"\(file)\"")
                    .replacingOccurrences(of: "risk.svg", with: "\"\(file).svg\"")
                    .replacingOccurrences(of: "lesson.md", with: "\"\(file).md\"")
                let result = shell.execute(line)
                try #require(result.ok, "`\(example)` failed: \(result.error)")
                let object = try JSONSerialization.jsonObject(with: Data(result.json.last!.utf8)) as? [String: Any]
                let value = try #require(object?["result"] as? [String: Any], "`\(example)` has no result object")
                check(value, against: section, example: example)
            }
        }
    }

    /// Required paths present; no key (top level, or inside a documented object or array) undocumented.
    private func check(_ result: [String: Any], against section: ContractSection, example: String) {
        let documented = Set(section.keys.map(\.path))
        let optional = Set(section.keys.filter(\.optional).map(\.path))
        for (path, isOptional) in section.keys where !isOptional {
            // A key inside an optional object or array is required only when that one is there.
            let head = String(path.prefix { $0 != "." && $0 != "[" })
            if optional.contains(head) && result[head] == nil { continue }
            if !has(path, in: result) { Issue.record("`\(example)`: documented key `\(path)` is missing") }
        }
        for key in result.keys {
            let nested = result[key].flatMap(objects)
            let path = result[key] is [Any] ? key + "[]" : key
            if !documented.contains(key) && !documented.contains(where: { $0.hasPrefix(path + ".") }) {
                Issue.record("`\(example)`: key `\(key)` is not in docs/json.md")
            } else if let nested, documented.contains(where: { $0.hasPrefix(path + ".") }) {
                for inner in Set(nested.flatMap(\.keys)) where !documented.contains(path + "." + inner) {
                    Issue.record("`\(example)`: key `\(path).\(inner)` is not in docs/json.md")
                }
            }
        }
    }

    /// The objects a value holds: itself when an object, its elements when an array of objects.
    private func objects(_ value: Any) -> [[String: Any]]? {
        if let object = value as? [String: Any] { return [object] }
        if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] } }
        return nil
    }

    private func has(_ path: String, in result: [String: Any]) -> Bool {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        let head = parts[0].hasSuffix("[]") ? String(parts[0].dropLast(2)) : parts[0]
        guard let value = result[head] else { return false }
        guard parts.count == 2 else { return true }
        guard let inner = objects(value) else { return false }
        return inner.allSatisfy { has(parts[1], in: $0) }
    }
}
