import ArgumentParser
import HedgebookShell

/// `hedgebook data [list]` and `hedgebook data import spx|vix|vvix|events FILE [--replace]`:
/// the market store from the command line, as `data` does in the shell (docs/data.md).
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Show or fill the market store of daily SPX, VIX and VVIX closes and calendar events.",
        discussion: """
            The store is $XDG_DATA_HOME/hedgebook/market.sqlite (~/.local/share/hedgebook/ by \
            default; $HEDGEBOOK_DATA/market.sqlite when that is set). Exit status: 0 success, \
            1 the import was refused (nothing of the file was kept), 2 a usage error.
            """,
        subcommands: [DataList.self, DataImport.self],
        defaultSubcommand: DataList.self)
}

struct DataList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Show each series' first and last day and how many rows it has.")

    func execute() -> Int32 { DataCommand.finish(Shell().runData(.list)) }
}

struct DataImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file: Cboe DATE,OPEN,HIGH,LOW,CLOSE, Date,Open,High,Low,Close,Adj Close,Volume, date,close, or events date,event.")

    @Argument(help: ArgumentHelp("What the file holds: spx, vix, vvix or events.", valueName: "series"))
    var series: String

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @Flag(help: "Replace stored closes that differ from the file's (otherwise the import is refused).")
    var replace = false

    mutating func validate() throws {
        guard ImportKind(rawValue: series) != nil else {
            throw ValidationError("'\(series)' is not a series: write spx, vix, vvix or events")
        }
    }

    func execute() -> Int32 {
        guard let kind = ImportKind(rawValue: series) else { return 2 }
        return DataCommand.finish(Shell().runData(.importFile(kind, path: file, replace: replace)))
    }
}

/// A `data` subcommand: run by Entry, which maps its status.
protocol DataSubcommand {
    func execute() -> Int32
}

extension DataList: DataSubcommand {}
extension DataImport: DataSubcommand {}

extension DataCommand {
    /// Prints the result; 0 when it succeeded, 1 when it was refused.
    static func finish(_ result: LineResult) -> Int32 {
        var output = FileStream.standardOutput
        var errors = FileStream.standardError
        if !result.text.isEmpty { output.write(result.text + "\n") }
        guard result.ok else {
            errors.write("hedgebook: " + result.error + "\n")
            return 1
        }
        return 0
    }
}
