import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

/// SPX and VIX closes, 2018-01-26 to 2018-02-23 (the arch package's sample data, from Yahoo and
/// the Cboe); 2018-02-19 (Presidents' Day) has no close.
private let spxFixture = """
    Date,Open,High,Low,Close,Adj Close,Volume
    2018-01-26,0,0,0,2872.870117,0,0
    2018-01-29,0,0,0,2853.530029,0,0
    2018-01-30,0,0,0,2822.429932,0,0
    2018-01-31,0,0,0,2823.810059,0,0
    2018-02-01,0,0,0,2821.97998,0,0
    2018-02-02,0,0,0,2762.129883,0,0
    2018-02-05,0,0,0,2648.939941,0,0
    2018-02-06,0,0,0,2695.139893,0,0
    2018-02-07,0,0,0,2681.659912,0,0
    2018-02-08,0,0,0,2581,0,0
    2018-02-09,0,0,0,2619.550049,0,0
    2018-02-12,0,0,0,2656,0,0
    2018-02-13,0,0,0,2662.939941,0,0
    2018-02-14,0,0,0,2698.629883,0,0
    2018-02-15,0,0,0,2731.199951,0,0
    2018-02-16,0,0,0,2732.219971,0,0
    2018-02-20,0,0,0,2716.26001,0,0
    2018-02-21,0,0,0,2701.330078,0,0
    2018-02-22,0,0,0,2703.959961,0,0
    2018-02-23,0,0,0,2747.300049,0,0
    """

private let vixFixture = """
    DATE,OPEN,HIGH,LOW,CLOSE
    01/26/2018,0,0,0,11.08
    01/29/2018,0,0,0,13.84
    01/30/2018,0,0,0,14.79
    01/31/2018,0,0,0,13.54
    02/01/2018,0,0,0,13.47
    02/02/2018,0,0,0,17.31
    02/05/2018,0,0,0,37.32
    02/06/2018,0,0,0,29.98
    02/07/2018,0,0,0,27.73
    02/08/2018,0,0,0,33.46
    02/09/2018,0,0,0,29.06
    02/12/2018,0,0,0,25.61
    02/13/2018,0,0,0,24.97
    02/14/2018,0,0,0,19.26
    02/15/2018,0,0,0,19.13
    02/16/2018,0,0,0,19.46
    02/19/2018,.,.,.,.
    02/20/2018,0,0,0,20.6
    02/21/2018,0,0,0,20.02
    02/22/2018,0,0,0,18.72
    02/23/2018,0,0,0,16.49
    """

/// A store holding the fixture, and a shell that reads it.
private func replayShell() throws -> (Shell, TemporaryStore) {
    let t = TemporaryStore()
    let store = try t.open()
    _ = try store.importText(.spx, spxFixture, file: "spx.csv", replace: false)
    _ = try store.importText(.vix, vixFixture, file: "vix.csv", replace: false)
    let shell = Shell()
    shell.marketHistory = MarketHistory(path: t.path)
    return (shell, t)
}

private func day(_ text: String) -> CalendarDate { CalendarDate(iso: Substring(text))! }

/// Runs each line, requiring success; returns what they printed, joined.
@discardableResult
private func run(_ shell: Shell, _ lines: [String]) throws -> String {
    var out: [String] = []
    for line in lines {
        let r = shell.execute(line)
        try #require(r.ok, "`\(line)` failed: \(r.error)")
        if !r.text.isEmpty { out.append(r.text) }
    }
    return out.joined(separator: "\n")
}

@Suite("Replay: the session's market follows history")
struct ReplayTests {
    @Test("replay DATE starts on the first trading day on or after it and sets date, SPX and VIX")
    func start() throws {
        let (shell, store) = try replayShell()
        defer { withExtendedLifetime(store) {} }
        let text = try run(shell, ["replay 2018-01-27"])
        // 2018-01-27 is a Saturday: the replay starts on Monday 2018-01-29.
        #expect(shell.session.state.date == day("2018-01-29"))
        #expect(shell.session.state.market.spx == 2853.530029 && shell.session.state.market.vix == 13.84)
        #expect(text == "date 2018-01-29 (-2895 days)\nSPX 2853.53\nVIX 13.84")
        #expect(shell.session.cells.last?.script == "date 2018-01-29; spx 2853.530029; vix 13.84")
        #expect(shell.session.cells.last?.input == "replay 2018-01-27")
    }

    @Test("next and advance 1d are the next trading day; advance Nd the last trading day on or before N days on")
    func moves() throws {
        let (shell, store) = try replayShell()
        defer { withExtendedLifetime(store) {} }
        try run(shell, ["replay 2018-02-01", "next"])
        #expect(shell.session.state.date == day("2018-02-02"))
        try run(shell, ["advance 1d"])           // Friday → Monday
        #expect(shell.session.state.date == day("2018-02-05"))
        #expect(shell.session.state.market.vix == 37.32)
        try run(shell, ["advance 3d"])           // Monday + 3 = Thursday
        #expect(shell.session.state.date == day("2018-02-08"))
        try run(shell, ["next", "advance 2d"])   // Friday + 2 = Sunday: no trading day in between, so Monday
        #expect(shell.session.state.date == day("2018-02-12"))
        try run(shell, ["advance 1w"])           // Monday + 7 = Monday 02-19, a holiday: Friday 02-16
        #expect(shell.session.state.date == day("2018-02-16"))
        try run(shell, ["next"])                 // over the holiday
        #expect(shell.session.state.date == day("2018-02-20"))
        #expect(shell.session.state.market.spx == 2716.26001)
    }

    @Test("In a replay the date is history's; next needs a replay; the history's end is said; replay off types again")
    func refusals() throws {
        let (shell, store) = try replayShell()
        defer { withExtendedLifetime(store) {} }
        #expect(shell.execute("next").error.contains("next moves a replay, and there is none"))
        try run(shell, ["replay 2018-02-22"])
        #expect(shell.execute("date 2018-03-01").error.contains("a replay sets the date from history"))
        try run(shell, ["next"])
        #expect(shell.execute("next").error.contains("the replay's history ends on 2018-02-23"))
        #expect(shell.execute("advance 3d").error.contains("the replay's history ends on 2018-02-23"))
        #expect(try run(shell, ["replay off"]) == "replay off: the market is typed from here")
        try run(shell, ["advance 3d"])
        #expect(shell.session.state.date == day("2018-02-26"))
        #expect(shell.execute("replay 2019-01-02").error.contains("no day with both an SPX and a VIX close on or after 2019-01-02"))
    }

    @Test("Calendar events flag on their path day with eventtrigger on; with it off the saved line keeps them as a comment")
    func events() throws {
        let (shell, store) = try replayShell()
        defer { withExtendedLifetime(store) {} }
        try run(shell, ["replay 2018-01-30", "next"])
        // The shipped table has 2018-01-31 FOMC; eventtrigger is off by default.
        #expect(shell.session.state.events.isEmpty)
        #expect(shell.session.cells.last?.script == "date 2018-01-31; spx 2823.810059; vix 13.54 # FOMC 2018-01-31 (not flagged: eventtrigger is off)")
        try run(shell, ["undo", "set eventtrigger on", "next"])
        #expect(shell.session.state.events == [FlaggedEvent(event: .fomc, date: day("2018-01-31"))])
        #expect(shell.session.cells.last?.script == "date 2018-01-31; spx 2823.810059; vix 13.54; event fomc")
    }

    /// A replay through the spike with a condor and L1 open.
    private static let lesson = [
        "replay 2018-01-26", "account 200k", "set eventtrigger on", "open condor", "next", "next", "next",
        "layers", "hedge L1", "next", "next", "next", "positions", "advance 1w", "layers", "journal",
    ]

    @Test("A saved replay runs without the store and prints exactly what the replay printed")
    func saved() throws {
        let (shell, t) = try replayShell()
        let printed = try run(shell, Self.lesson)
        let file = t.folder + "/replay.hb"
        try run(shell, ["save \"\(file)\""])
        let script = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!script.contains("replay 2018"))
        #expect(script.contains("date 2018-02-05; spx 2648.939941; vix 37.32"))
        let plain = Shell()
        plain.marketHistory = MarketHistory(path: nil)
        let lines = script.split(separator: "\n").map(String.init)
        #expect(try run(plain, lines) == printed)
        #expect(plain.session.state.date == shell.session.state.date)
        #expect(plain.session.state.account.equity == shell.session.state.account.equity)
        #expect(plain.session.state.positions.count == shell.session.state.positions.count)
    }

    @Test("An exported replay checks without the store")
    func exported() throws {
        let (shell, t) = try replayShell()
        try run(shell, Self.lesson)
        let file = t.folder + "/replay.md"
        try run(shell, ["export \"\(file)\""])
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let result = NotebookCheck.check(text, path: "replay.md", history: MarketHistory(path: nil))
        #expect(result.matches, "\(result.report)")
    }

    @Test("Undo and edit re-run replay cells from what they stored, never from the store")
    func undoAndEdit() throws {
        let (shell, t) = try replayShell()
        try run(shell, Self.lesson)
        let outputs = shell.session.cells.map(\.output)
        // The store is gone: nothing may read it again.
        try FileManager.default.removeItem(atPath: t.folder)
        shell.marketHistory = MarketHistory(path: nil)
        try run(shell, ["undo", "redo"])
        #expect(shell.session.cells.map(\.output) == outputs)
        try run(shell, ["edit 2 account 250k"])
        #expect(shell.session.state.date == day("2018-02-12"))
        try run(shell, ["edit 2 account 200k"])
        #expect(shell.session.cells.map(\.output) == outputs)
    }

    @Test("A notebook whose front matter requires history is skipped, saying so, when the store lacks it")
    func frontMatter() throws {
        let notebook = "---\nrequires: history 2018-01-26..2018-02-23\n---\n\n```hedgebook\nreplay 2018-01-26\n```\n\n```output\ndate 2018-01-26 (-2898 days)\nSPX 2872.870117\nVIX 11.08\n```\n"
        let none = NotebookCheck.check(notebook, path: "n.md", history: MarketHistory(path: nil))
        #expect(none.matches && none.skipped != nil)
        #expect(none.report.hasPrefix("n.md: skipped: it replays market history"))
        let (_, t) = try replayShell()
        defer { withExtendedLifetime(t) {} }
        let run = NotebookCheck.check(notebook, path: "n.md", history: MarketHistory(path: t.path))
        #expect(run.skipped == nil)
        // The fixture covers the range, so the notebook ran and its SPX line is compared.
        #expect(run.differences.count == 1)
        let short = NotebookCheck.check(notebook.replacingOccurrences(of: "02-23", with: "03-29"), path: "n.md",
                                        history: MarketHistory(path: t.path))
        #expect(short.skipped != nil)
        let bad = NotebookCheck.check("---\nrequires: data\n---\n", path: "n.md")
        #expect(bad.errors == ["n.md:2: error: the front matter's requires: says what a notebook needs: `requires: history` or `requires: history 2018-01-02..2018-03-29`"])
    }

    @Test("Teaching mode does not read a notebook's front matter as narration")
    func lessonFrontMatter() {
        let lesson = Lesson.parse("---\nrequires: history\n---\n\n# T\n\nHello.\n\n```hedgebook\nnext\n```\n", name: "x.md")
        #expect(lesson.title == "T")
        #expect(lesson.steps.first?.narration == ["Hello."])
    }

    @Test("The crash journal keeps a replay as its plain cells: what recover replays needs no store")
    func journal() throws {
        let (shell, store) = try replayShell()
        defer { withExtendedLifetime(store) {} }
        let printed = try run(shell, Self.lesson)
        var recorder = JournalRecorder()
        let text = SessionJournal.header(started: "2018-02-12T00:00:00Z") + recorder.changes(in: shell.session)
        #expect(!text.contains("replay 2018") && !text.contains("\n+ next"))
        let contents = try SessionJournal.read(text)
        let plain = Shell()
        plain.marketHistory = MarketHistory(path: nil)
        #expect(try run(plain, contents.cells) == printed)
    }

    @Test("A position expiring on a day without a close settles at the last close before it (METHOD §9, §12 item 9)")
    func holidayExpiry() throws {
        let t = TemporaryStore()
        let store = try t.open()
        // 2018-02-28 (L1's expiry, 30 days after 2018-01-29) has no close: VIX is 30 on the
        // day before and 12 on the day after, so L1 settles at 30.
        _ = try store.importText(.spx, "2018-01-29,2853.53\n2018-02-27,2744.28\n2018-03-01,2677.67\n", file: "s.csv", replace: false)
        _ = try store.importText(.vix, "2018-01-29,13.84\n2018-02-27,30\n2018-03-01,12\n", file: "v.csv", replace: false)
        let shell = Shell()
        shell.marketHistory = MarketHistory(path: t.path)
        try run(shell, ["replay 2018-01-29", "account 100000", "hedge L1", "next"])
        let held = try #require(shell.session.state.positions.first)
        #expect(held.expiry == day("2018-02-28"))
        // Its intrinsic value at expiry at the day before's VIX (30), and at the day after's (12).
        var market = shell.session.state.market
        let atThirty = held.value(market: market, on: held.expiry)
        market.vix = 12
        #expect(held.value(market: market, on: held.expiry) == 0 && atThirty > 0)
        let text = try run(shell, ["next"])
        #expect(shell.session.state.positions.isEmpty)
        #expect(shell.session.cells.last?.script?.hasPrefix("date 2018-02-28; date 2018-03-01; spx 2677.67; vix 12.0") == true)
        #expect(text.contains("settled at expiry L1"))
        #expect(text.contains("for \(Fmt.money(atThirty))"))
    }
}
