import ArgumentParser
import HedgebookShell

/// `hedgebook check FILE.md… [--update]`: re-run notebooks and compare their outputs, as cram does.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run Markdown notebooks and compare every output block with what its command prints now.",
        discussion: """
            Each notebook runs in a fresh session. Where an output differs, check prints FILE:LINE \
            and a unified diff. Exit status: 0 all match, 1 an output differs or a command failed, \
            2 a usage error. With --update the outputs are rewritten in place (prose untouched) and \
            the status is 0 unless a notebook could not be run.
            """)

    @Argument(help: ArgumentHelp("The notebooks.", valueName: "file.md"))
    var files: [String]

    @Flag(help: "Rewrite the output blocks with the new outputs instead of failing.")
    var update = false

    mutating func run() throws {
        let status = execute()
        if status != 0 { throw ExitCode(status) }
    }

    func execute() -> Int32 {
        var output = FileStream.standardOutput
        var errors = FileStream.standardError
        var texts: [String] = []
        for path in files {
            do throws(FileReader.Failure) {
                texts.append(try FileReader.text(atPath: path))
            } catch {
                switch error {
                case .cannotRead(let path, let reason): errors.write(Display.neutralised("hedgebook: cannot read '\(path)': \(reason)\n"))
                }
                return 2
            }
        }
        var differing = 0, failed = 0, updated = 0, skipped = 0
        let history = MarketHistory()
        for (path, text) in zip(files, texts) {
            let result = NotebookCheck.check(text, path: path, history: history)
            if !result.errors.isEmpty { failed += 1 }
            if result.skipped != nil {
                skipped += 1
                output.write(result.report)
                continue
            }
            guard update else {
                if !result.matches { differing += 1 }
                output.write(result.report)
                continue
            }
            output.write(Display.neutralised(result.errors.map { $0 + "\n" }.joined()))
            guard result.errors.isEmpty, result.updated != text else { continue }
            do {
                try FileStore.writeAtomically(result.updated, to: path, overwrite: true)
                updated += 1
                let n = result.differences.count
                output.write(Display.neutralised("updated \(path): \(n) output\(n == 1 ? "" : "s")\n"))
            } catch {
                errors.write(Display.neutralised("hedgebook: \(error.message)\n"))
                failed += 1
            }
        }
        let n = files.count
        var summary = "checked \(n) notebook\(n == 1 ? "" : "s")"
        if update {
            summary += ": \(updated) updated" + (failed > 0 ? ", \(failed) could not be run" : "")
        } else {
            summary += differing == 0 ? ": all match" : ": \(differing) differ\(differing == 1 ? "s" : "")"
        }
        if skipped > 0 { summary += " (\(skipped) skipped: \(skipped == 1 ? "it needs" : "they need") market history)" }
        output.write(summary + "\n")
        return failed > 0 || (!update && differing > 0) ? 1 : 0
    }
}
