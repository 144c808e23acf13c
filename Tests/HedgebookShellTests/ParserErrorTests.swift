@testable import HedgebookShell
import Testing

struct ErrorCase: CustomTestStringConvertible, Sendable {
    var line: String
    var column: Int
    var fragment: String
    init(_ line: String, _ column: Int, _ fragment: String) {
        self.line = line
        self.column = column
        self.fragment = fragment
    }
    var testDescription: String { line.debugDescription }
}

/// The error `line` gives, or `nil` (recorded as an issue) when it parses.
func parseError(_ line: String) -> ParseError? {
    switch Parser.parse(line: line) {
    case .success(let parsed):
        Issue.record("\(line.debugDescription) parsed as \(parsed.map(\.command))")
        return nil
    case .failure(let error):
        return error
    }
}

@Suite("Parser: malformed lines give located errors")
struct ParserErrorTests {
    static let malformed: [ErrorCase] = [
        // Names
        .init("acount 100000", 1, "unknown command 'acount'"),
        .init("SPX 6000", 1, "unknown command 'SPX'"),
        .init("é 5", 1, "unknown command 'é'"),
        .init("spx 6000; acount 5", 11, "unknown command 'acount'"),
        .init("set mutlipliers 1.8", 5, "unknown setting 'mutlipliers'"),
        .init("set reset recovr", 11, "unknown reset rule 'recovr'; expected recover or win"),
        .init("set underlying vix", 16, "unknown underlying 'vix'; expected spx or xsp"),
        .init("event nfp", 7, "unknown event 'nfp'; expected cpi, ppi or fomc"),
        .init("price spy put 5800 45", 7, "unknown instrument 'spy'; expected spx, xsp or vix"),
        .init("price spx puts 5800 45", 11, "unknown option kind 'puts'; expected call or put"),
        .init("risk 70%", 6, "unknown option of risk '70%'; expected winrate"),
        .init("risk winrat 70%", 6, "unknown option of risk 'winrat'"),
        .init("help acount", 6, "no help for 'acount'"),
        .init("\"spx\" 6000", 1, "expected a command name, found a quoted string"),
        .init("spx \"6000\"", 5, "expected a number for SPX level, found a quoted string"),
        // Arity
        .init("price spx put 5800", 19, "price needs: instrument kind strike DTE"),
        .init("price", 6, "price needs: instrument kind strike DTE"),
        .init("price spx put 5800 45 7", 23, "unexpected argument '7'; price needs: instrument kind strike DTE"),
        .init("condor now", 8, "condor takes no arguments"),
        .init("quit now", 6, "quit takes no arguments"),
        .init("undo 2", 6, "undo takes no arguments"),
        .init("spx", 4, "spx needs: level"),
        .init("spx 6000; vix", 14, "vix needs: level"),
        .init("spx 6000 7000", 10, "unexpected argument '7000'"),
        .init("event", 6, "event needs: event"),
        .init("set", 4, "set needs: name value…"),
        .init("set base", 9, "set base needs: percent"),
        .init("set base 1% 2%", 13, "unexpected argument '2%'"),
        .init("set multipliers", 16, "set multipliers needs: multiplier…"),
        .init("set stops", 10, "set stops needs: stop…|none"),
        .init("set stops none 90%", 16, "unexpected argument '90%'"),
        .init("set theta 20 30", 14, "unexpected argument '30'"),
        .init("future 30", 10, "future needs: DTE level|clear"),
        .init("future 30 clear 19", 17, "unexpected argument '19'"),
        .init("risk winrate", 13, "risk needs: [winrate rate]"),
        .init("save", 5, "save needs: file"),
        .init("save my file.hb", 9, "unexpected argument 'file.hb'"),
        .init("help price spx", 12, "unexpected argument 'spx'"),
        // Numbers
        .init("spx abc", 5, "expected a number for SPX level, found 'abc'"),
        .init("spx 1e309", 6, "exponents are not accepted"),
        .init("account 1e5", 10, "exponents are not accepted"),
        .init("spx nan", 5, "expected a number for SPX level, found 'nan'"),
        .init("spx inf", 5, "found 'inf'"),
        .init("spx -inf", 5, "found '-inf'"),
        .init("spx -0", 5, "SPX level must be positive, found '-0'"),
        .init("spx 0", 5, "SPX level must be positive, found '0'"),
        .init("spx -6000", 5, "SPX level must be positive"),
        .init("spx 12x45", 7, "unexpected 'x' in number '12x45'"),
        .init("spx −4", 5, "SPX level must be positive, found '−4'"),  // U+2212 reads as a minus (item 13)
        .init("spx ６０００", 5, "expected a number for SPX level"),
        .init("spx 1" + String(repeating: "0", count: 400), 5, "is too long for a number"),
        .init("spx $6000", 5, "SPX level is not in dollars"),
        .init("spx 6k", 5, "k and m suffixes are only for dollar amounts, not SPX level"),
        .init("vix 16%", 5, "VIX level is not a percentage"),
        .init("account 1_000", 10, "'_' is not a digit separator"),
        .init("account 1,00", 9, "bad digit grouping in '1,00'"),
        .init("account 1,0000", 9, "bad digit grouping"),
        .init("account 10,00,000", 9, "bad digit grouping"),
        .init("account 1,", 9, "bad digit grouping"),
        .init("account 1,,000", 9, "bad digit grouping"),
        .init("account 5.", 10, "expected digits after the decimal point"),
        .init("account 1.2.3", 12, "unexpected '.' in number"),
        .init("account $", 9, "expected a number for account equity"),
        .init("account %5", 9, "expected a number for account equity"),
        .init("account 5%%", 11, "unexpected '%'"),
        .init("account 100k%", 9, "account equity is not a percentage"),
        .init("account 100kk", 13, "unexpected 'k'"),
        .init("account 1.5mm", 13, "unexpected 'm'"),
        .init("account 1b", 10, "unexpected 'b'"),
        .init("account \u{FFFD}", 9, "expected a number for account equity, found '\u{FFFD}'"),
        .init("deposit -5000", 9, "deposit must be positive, found '-5000'"),
        .init("withdraw 0", 10, "withdrawal must be positive"),
        .init("loss -900", 6, "loss must be positive"),
        .init("win -320", 5, "win must not be negative"),
        .init("set skew --4", 10, "expected a number for skew"),
        .init("set kappa -1", 11, "VIX reversion speed must not be negative"),
        .init("set grosscap -1%", 14, "gross hedge cap must not be negative"),
        // Percentages and deltas
        .init("set base 1", 10, "expected a percentage for base risk"),
        .init("rate 4", 6, "expected a percentage for risk-free rate"),
        .init("dividend -1%", 10, "dividend yield must not be negative"),
        .init("set cap 10", 9, "expected a percentage for per-layer cap"),
        .init("set stops 90 90%", 11, "expected a percentage for stop-loss"),
        .init("set stops 90% x", 15, "expected a number for stop-loss, found 'x'"),
        .init("risk winrate 70", 14, "expected a percentage for win rate"),
        .init("set delta 0", 11, "short delta must be positive"),
        .init("set delta -16", 11, "short delta must be positive"),
        .init("set multipliers 1.8 -1.6", 21, "multiplier must be positive"),
        // Whole numbers
        .init("set dte 45.5", 9, "condor DTE must be a whole number, found '45.5'"),
        .init("set dte 0", 9, "condor DTE must be positive"),
        .init("set dte 99999999", 9, "condor DTE '99999999' is too large"),
        .init("set steps 2.5", 11, "maximum steps must be a whole number"),
        .init("future 30.5 19", 8, "future's DTE must be a whole number"),
        .init("future thirty 19", 8, "expected a number for future's DTE, found 'thirty'"),
        .init("future 30 clr", 11, "expected a number for VIX future level, found 'clr'"),
        .init("price spx put 5800 45.5", 20, "DTE must be a whole number"),
        .init("price spx put -5800 45", 15, "strike must be positive"),
        // Dates
        .init("date 2026-02-30", 14, "'2026-02-30' is not a date: February 2026 has 28 days"),
        .init("date 2024-02-30", 14, "February 2024 has 29 days"),
        .init("date 2026-04-31", 14, "April 2026 has 30 days"),
        .init("date 2026-13-01", 11, "'2026-13-01' is not a date: there is no month 13"),
        .init("date 2026-00-10", 11, "there is no month 0"),
        .init("date 0000-01-01", 6, "the year must be 1 to 9999"),
        .init("date 2026/11/20", 6, "expected a date as YYYY-MM-DD, found '2026/11/20'"),
        .init("date 26-11-20", 6, "expected a date as YYYY-MM-DD"),
        .init("date 2026-11-20x", 6, "expected a date as YYYY-MM-DD"),
        // Quotes and files
        .init("save \"my file.hb", 6, "unterminated quoted string"),
        .init("save 'my file.hb", 6, "unterminated quoted string"),
        .init("save \"\"", 6, "the file name is empty"),
        .init("save a\"b", 7, "unexpected quote inside a word"),
        .init("save \"a\"b", 9, "expected a space after the closing quote"),
        // Control characters
        .init("spx 6000\u{1B}[A", 9, "unexpected control character U+001B (escape)"),
        .init("spx\u{0}6000", 4, "unexpected control character U+0000 (NUL)"),
        .init("\u{7F}", 1, "U+007F (delete)"),
        .init("save \"a\u{7}b\"", 8, "U+0007 (bell)"),
        .init("spx 6000 \u{85}\u{9B}", 11, "U+009B"),
    ]

    @Test(arguments: malformed)
    func locatedError(_ c: ErrorCase) {
        guard let error = parseError(c.line) else { return }
        #expect(error.span.column == c.column, "\(error.message)")
        #expect(error.message.contains(c.fragment), "\(error.message)")
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.malformed.count >= 60)
    }

    @Test(arguments: [
        ("acount 100000", "did you mean account?"),
        ("condr", "did you mean condor?"),
        ("progresion", "did you mean progression?"),
        ("histroy", "did you mean history?"),
        ("prog", "did you mean progression?"),
        ("SPX 6000", "did you mean spx?"),
        ("sav x.hb", "did you mean save?"),
        ("set mutlipliers 1.8", "did you mean multipliers?"),
        ("set dleta 16", "did you mean delta?"),
        ("set underlyng xsp", "did you mean underlying?"),
        ("set reset recovr", "did you mean recover?"),
        ("event fmoc", "did you mean fomc?"),
        ("price spy put 5800 45", "did you mean spx?"),
        ("price spx pt 5800 45", "did you mean put?"),
        ("help acount", "did you mean account?"),
        ("risk winrat 70%", "did you mean winrate?"),
        ("risk 70%", "did you mean winrate 70%?"),
        ("set base 1", "did you mean 1%?"),
        ("set base 1.5", "did you mean 1.5%?"),
        ("set base 0.5", "did you mean 0.5% or 50%?"),
        ("account 1,00", "did you mean 100?"),
        ("account 1_000", "did you mean 1000?"),
        ("vix 16%", "did you mean 16?"),
        ("spx $6000", "did you mean 6000?"),
        ("price spx put 5800", "DTE is missing, as in: price spx put 5800 45"),
        ("save my file.hb", "put quotes around a file name with spaces: save \"my file.hb\""),
    ])
    func didYouMean(_ line: String, _ hint: String) {
        #expect(parseError(line)?.hint == hint)
    }

    @Test(arguments: ["xyzzy", "frobnicate 5", "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"])
    func noSuggestionForNonsense(_ line: String) {
        #expect(parseError(line)?.hint == "type help for the list of commands")
    }

    @Test func errorsAreData() {
        #expect(parseError("set reset recovr")?.reason
            == .unknownWord(.value("reset rule"), given: "recovr", choices: ["recover", "win"], suggestion: "recover"))
        #expect(parseError("set base 1")?.reason == .expectedPercent(what: "base risk", given: "1"))
        #expect(parseError("spx 6000 7000")?.span == SourceSpan(column: 10, length: 4))
        #expect(parseError("price spx put 5800")?.span == SourceSpan(column: 19, length: 0))
    }

    @Test func aLineWithAnErrorRunsNothing() {
        #expect(parseError("spx 6000; vix x; condor")?.span.column == 15)
    }
}
