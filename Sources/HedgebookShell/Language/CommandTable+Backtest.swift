import HedgebookModel

extension CommandTable {
    /// `backtest FROM..TO [trades] [--svg FILE]`.
    static let backtest = CommandSpec(
        name: "backtest", group: .history,
        summary: "Play the method over stored history with the session's equity and settings (a fresh cycle, step 1, without the session's positions): the figures beside flat sizing, no hedges, neither and SPX held, year by year, and the equity curve. `trades` lists the trades and hedge layers; --svg FILE writes the curves (--svg! overwrites). A year stands for the whole year: `backtest 2014..2018`.",
        parameters: [Parameter(name: "FROM..TO", kind: .path),
                     Parameter(name: "trades", kind: .choice(what: "backtest view", choices: ["trades"]), presence: .optional),
                     Parameter(name: "--svg", kind: .choice(what: "backtest option", choices: ["--svg", "--svg!"]), presence: .optional),
                     Parameter(name: "file", kind: .path, presence: .optional)],
        examples: ["backtest 2014-01-02..2018-12-31", "backtest 2018..2018 trades", "backtest 2014..2018 --svg curve.svg"],
        build: noBuild("backtest"), grammar: backtestGrammar)

    /// `FROM..TO` (ISO dates or years), then `trades` and `--svg FILE` in any order.
    static func backtestGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        let span = try r.next("FROM..TO")
        let (from, to) = try backtestRange(span)
        var request = BacktestRequest(from: from, to: to)
        while !r.atEnd {
            let word = try r.keyword(["trades", "--svg", "--svg!"], what: "backtest option")
            if word == "trades" {
                request.listsTrades = true
                continue
            }
            guard !r.atEnd else { throw r.missing("file") }
            let file = input.tokens[r.index]
            r.index += 1
            guard !file.text.isEmpty else { throw ParseError(.emptyPath, at: file.span) }
            request.svg = file.text
            request.overwrite = word == "--svg!"
        }
        return .backtest(request)
    }

    /// `2014-01-02..2018-12-31`, `2014..2018` (1 January to 31 December) or a mix.
    static func backtestRange(_ token: Token) throws(ParseError) -> (CalendarDate, CalendarDate) {
        let text = token.text
        let usage = "a range FROM..TO of ISO dates or years, e.g. 2014-01-02..2018-12-31 or 2014..2018"
        guard let dots = text.firstRange(of: "..") else {
            throw ParseError(.invalidRange(given: text, valid: "write " + usage), at: token.span)
        }
        let parts = [String(text[..<dots.lowerBound]), String(text[dots.upperBound...])]
        var dates: [CalendarDate] = []
        for (i, part) in parts.enumerated() {
            if part.count == 4, let year = Int(part), (1900...2200).contains(year),
               let d = i == 0 ? CalendarDate(year: year, month: 1, day: 1) : CalendarDate(year: year, month: 12, day: 31) {
                dates.append(d)
                continue
            }
            do { dates.append(try DateLiteral.read(part)) } catch {
                throw ParseError(.invalidRange(given: text, valid: "write " + usage), at: token.span)
            }
        }
        guard dates[0] < dates[1] else {
            throw ParseError(.invalidRange(given: text, valid: "FROM must come before TO"), at: token.span)
        }
        return (dates[0], dates[1])
    }
}
