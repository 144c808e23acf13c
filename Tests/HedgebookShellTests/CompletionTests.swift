@testable import HedgebookShell
import Testing

@Suite("Completion")
struct CompletionTests {
    @Test(arguments: [
        ("co", ["compare", "condor"]),
        ("s", ["save", "save!", "set", "settings", "shock", "show", "simulate", "spx", "sweep", "switch"]),
        ("save", ["save", "save!"]),
        ("ex", ["exit", "export", "export!"]),
        ("edit 3 set d", ["delta", "dte"]),
        ("insert 2 price spx ", ["call", "put"]),
        ("spx 6000; v", ["vix", "vvix"]),
        ("spx 6000 ;  pr", ["price", "progression"]),
        ("set mul", ["multipliers"]),
        ("set m", ["mu", "multipliers"]),
        ("set  d", ["delta", "dte"]),
        ("set underlying ", ["spx", "xsp"]),
        ("set reset ", ["recover", "win"]),
        ("set reset r", ["recover"]),
        ("set stops ", ["none"]),
        ("event ", ["cpi", "fomc", "ppi"]),
        ("event f", ["fomc"]),
        ("price ", ["spx", "vix", "xsp"]),
        ("price spx ", ["call", "put"]),
        ("price vix c", ["call"]),
        ("help pr", ["price", "progression"]),
        ("help sa", ["save", "save!"]),
        ("risk ", ["winrate"]),
        ("future 30 ", ["clear"]),
        ("future 30 c", ["clear"]),
    ])
    func candidates(_ prefix: String, _ expected: [String]) {
        #expect(Completion.candidates(for: prefix) == expected)
    }

    @Test(arguments: [
        "price spx put ", "price spx put 5800 ", "set skew ", "set stops 90% ", "set nosuch ",
        "xyz ", "quit ", "condor # c", "save \"my f", "spx 6000 # ; co", "risk winrate ", "zz",
        "help price ",
    ])
    func nothingToOffer(_ prefix: String) {
        #expect(Completion.candidates(for: prefix).isEmpty)
    }

    @Test(arguments: ["", "spx 6000;", "spx 6000; ", "  "])
    func everyCommandAtTheStart(_ prefix: String) {
        #expect(Completion.candidates(for: prefix) == CommandTable.allNames.sorted())
    }

    @Test func everySettingAfterSet() {
        #expect(Completion.candidates(for: "set ") == CommandTable.settingNames.sorted())
    }

    @Test func everyTopicAfterHelp() {
        #expect(Completion.candidates(for: "help ") == CommandTable.allNames.sorted())
    }
}
