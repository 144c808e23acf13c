import HedgebookModel

extension CommandTable {
    /// Market history: the store of daily closes and events, and replays of it (docs/data.md).
    static let marketHistory: [CommandSpec] = [
        CommandSpec(name: "data", group: .history,
                    summary: "Show what the market store holds (each series' first and last day and rows), or import a CSV file into it: all of the file or nothing.",
                    parameters: [Parameter(name: "list|import", kind: .choice(what: "data command", choices: ["list", "import"]), presence: .optional),
                                 Parameter(name: "series", kind: .choice(what: "series", choices: ImportKind.allCases.map(\.rawValue)), presence: .optional),
                                 Parameter(name: "file", kind: .path, presence: .optional),
                                 Parameter(name: "--replace", kind: .choice(what: "option", choices: ["--replace"]), presence: .optional)],
                    examples: ["data import vix VIX_History.csv", "data", "data import spx spx.csv --replace"],
                    build: noBuild("data"), grammar: dataGrammar),
        CommandSpec(name: "replay", group: .history,
                    summary: "Let the session's market follow history from a day: sets date, SPX, VIX and VVIX from the market store (and flags the day's calendar events with `set eventtrigger on`); `next` and `advance` then move by trading days. `replay off` returns to typed markets.",
                    parameters: [Parameter(name: "date", kind: .date, orWord: "off")],
                    examples: ["replay 2018-01-29", "replay off"],
                    build: { $0.optionalWord(0) == "off" ? .replay(.off) : .replay(.from($0.date(0))) }),
        CommandSpec(name: "next", group: .history,
                    summary: "In a replay, move to the next trading day (like `advance 1d`).",
                    examples: ["next"], build: { _ in .next }),
    ]

    /// `data`, `data list`, `data import KIND FILE [--replace]`.
    static func dataGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        if r.atEnd { return .data(.list) }
        let verb = try r.keyword(["list", "import"], what: "data command")
        if verb == "list" {
            if !r.atEnd { throw r.extra(input.tokens[r.index]) }
            return .data(.list)
        }
        let kind: ImportKind = checked(try r.keyword(ImportKind.allCases.map(\.rawValue), what: "series"))
        guard !r.atEnd else { throw r.missing("file") }
        let file = input.tokens[r.index]
        r.index += 1
        guard !file.text.isEmpty else { throw ParseError(.emptyPath, at: file.span) }
        var replace = false
        if !r.atEnd { replace = try r.keyword(["--replace"], what: "option of data import") == "--replace" }
        if !r.atEnd { throw r.extra(input.tokens[r.index]) }
        return .data(.importFile(kind, path: file.text, replace: replace))
    }
}
