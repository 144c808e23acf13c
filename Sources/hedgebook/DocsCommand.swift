import ArgumentParser
import HedgebookShell

/// `hedgebook docs language`: prints the language reference generated from the command table
/// (`make docs` writes it to docs/language.md). Hidden from help: it is for the build.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print generated documentation (language: the Markdown language reference).",
        shouldDisplay: false)

    @Argument(help: ArgumentHelp("The document: language.", valueName: "name"))
    var name: String

    mutating func run() throws {
        guard name == "language" else {
            throw ValidationError("no generated document called '\(name)'; the one there is: language")
        }
        var output = FileStream.standardOutput
        output.write(CommandTable.markdownReference())
    }
}
