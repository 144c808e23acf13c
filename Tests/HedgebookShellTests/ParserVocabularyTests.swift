import HedgebookModel
@testable import HedgebookShell
import Testing

/// Parses `line` into its commands, or records the error and returns an empty list.
func commands(_ line: String) -> [Command] {
    switch Parser.parse(line: line) {
    case .success(let parsed): return parsed.map(\.command)
    case .failure(let error):
        Issue.record("\(line): \(error.span.column): \(error.message)")
        return []
    }
}

func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

struct VocabularyCase: CustomTestStringConvertible, Sendable {
    var line: String
    var command: Command
    init(_ line: String, _ command: Command) { self.line = line; self.command = command }
    var testDescription: String { line }
}

@Suite("Parser: the vocabulary")
struct ParserVocabularyTests {
    static let vocabulary: [VocabularyCase] = [
        // Market
        .init("date 2026-11-20", .date(date(2026, 11, 20))),
        .init("spx 6000", .spx(6000)),
        .init("vix 16", .vix(16)),
        .init("rate 4%", .rate(0.04)),
        .init("dividend 1.3%", .dividend(0.013)),
        .init("vvix 90", .vvix(90)),
        .init("future 30 19.5", .future(dte: 30, level: 19.5)),
        .init("future 30 clear", .future(dte: 30, level: nil)),
        .init("event cpi", .event(.cpi)),
        .init("event ppi", .event(.ppi)),
        .init("event fomc", .event(.fomc)),
        // Settings
        .init("set underlying spx", .set(.underlying(.spx))),
        .init("set underlying xsp", .set(.underlying(.xsp))),
        .init("set dte 45", .set(.dte(45))),
        .init("set delta 16", .set(.delta(0.16))),
        .init("set width 50", .set(.width(50))),
        .init("set skew 0", .set(.skew(0))),
        .init("set base 1%", .set(.base(0.01))),
        .init("set multipliers 1.8 1.6 1.6", .set(.multipliers([1.8, 1.6, 1.6]))),
        .init("set steps 4", .set(.steps(4))),
        .init("set reset recover", .set(.reset(.recover))),
        .init("set reset win", .set(.reset(.win))),
        .init("set cap 10%", .set(.cap(0.10))),
        .init("set grosscap 18%", .set(.grosscap(0.18))),
        .init("set stops 90% 90% 65% 65%", .set(.stops([0.90, 0.90, 0.65, 0.65]))),
        .init("set stops none", .set(.stops(nil))),
        .init("set theta 20", .set(.theta(20))),
        .init("set kappa 4", .set(.kappa(4))),
        // Account
        .init("account 100000", .account(100_000)),
        .init("deposit 5000", .deposit(5000)),
        .init("withdraw 5000", .withdraw(5000)),
        .init("win 320", .win(320)),
        .init("loss 900", .loss(900)),
        // Reports
        .init("condor", .condor),
        .init("progression", .progression),
        .init("layers", .layers),
        .init("journal", .journal),
        .init("why", .why),
        .init("risk", .risk(winRate: nil)),
        .init("risk winrate 70%", .risk(winRate: 0.70)),
        .init("settings", .settings),
        .init("price spx put 5800 45", .price(.spx, .put, strike: 5800, dte: 45)),
        .init("price vix call 21 30", .price(.vix, .call, strike: 21, dte: 30)),
        .init("price xsp call 610 7", .price(.xsp, .call, strike: 610, dte: 7)),
        // Session
        .init("undo", .undo),
        .init("redo", .redo),
        .init("history", .history),
        .init("save session.hb", .save(path: "session.hb", overwrite: false)),
        .init("save! session.hb", .save(path: "session.hb", overwrite: true)),
        .init("save \"my file.hb\"", .save(path: "my file.hb", overwrite: false)),
        .init("save 'my file.hb'", .save(path: "my file.hb", overwrite: false)),
        .init("save \"say \\\"hi\\\".hb\"", .save(path: "say \"hi\".hb", overwrite: false)),
        .init("load FILE", .load(path: "FILE")),
        .init("load ../x/y.hb", .load(path: "../x/y.hb")),
        .init("load /tmp/café.hb", .load(path: "/tmp/café.hb")),
        .init("help", .help(topic: nil)),
        .init("help price", .help(topic: "price")),
        .init("help save!", .help(topic: "save!")),
        .init("help exit", .help(topic: "quit")),
        .init("quit", .quit),
        .init("exit", .quit),
    ]

    @Test(arguments: vocabulary)
    func parses(_ c: VocabularyCase) {
        #expect(commands(c.line) == [c.command])
    }

    @Test(arguments: [
        ("spx 6000; vix 16", [Command.spx(6000), .vix(16)]),
        ("spx 6000;vix 16;", [.spx(6000), .vix(16)]),
        (";; condor ;", [.condor]),
        ("condor # the trade of the day", [.condor]),
        ("condor; # progression", [.condor]),
        ("# only a comment", []),
        ("", []),
        ("   \t  ", []),
        ("spx 6000#comment without a space", [.spx(6000)]),
        ("save \"a#b;c.hb\"; undo", [.save(path: "a#b;c.hb", overwrite: false), .undo]),
        ("account 100k; loss 900; win 320; progression", [.account(100_000), .loss(900), .win(320), .progression]),
        ("\u{FEFF}spx 6000", [.spx(6000)]),
        ("spx\u{00A0}6000", [.spx(6000)]),
        ("spx 6000\r\n", [.spx(6000)]),
    ] as [(String, [Command])])
    func separatorsAndComments(_ line: String, _ expected: [Command]) {
        #expect(commands(line) == expected)
    }

    @Test func keepsSourceAndColumns() throws {
        let parsed = try Parser.parse(line: "  spx 6000 ;  set base   1% # note").get()
        #expect(parsed.count == 2)
        #expect(parsed[0].source == "spx 6000")
        #expect(parsed[0].column == 3)
        #expect(parsed[0].span == SourceSpan(column: 3, length: 8))
        #expect(parsed[0].argumentColumns == [7])
        #expect(parsed[1].source == "set base   1% # note", "item 13: the inline comment stays with its command")
        #expect(parsed[1].column == 15)
        #expect(parsed[1].argumentColumns == [19, 26])
        #expect(parsed[1].argumentSpans[1] == SourceSpan(column: 26, length: 2))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let parsed = try Parser.parse(line: "save \"é€😀.hb\"; deposit 5000").get()
        #expect(parsed[0].source == "save \"é€😀.hb\"")
        #expect(parsed[1].column == 16)
        #expect(parsed[1].argumentColumns == [24])
    }
}
