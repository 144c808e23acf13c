import Testing

@testable import HedgebookShell

private let script = """
    # # Sizing in three cells
    # An account of $100k starts a cycle.
    #
    # The base is 1% of it.
    account 100000
    # The condor at the defaults.
    condor
    vix 20
    # That is all.
    """

private let notebook = """
    # Sizing in three cells

    An account of $100k starts a cycle.

    ```hedgebook
    account 100000
    ```

    ```output
    this stale text is never shown
    ```

    The condor at the defaults.

    ```hedgebook
    condor
    ```

    ```hedgebook
    vix 20
    ```

    That is all.
    """

@Suite("Lesson: notebooks and scripts")
struct LessonParseTests {
    @Test func scriptNarrationAndCommands() {
        let lesson = Lesson.parse(script, name: "sessions/x.hb")
        #expect(lesson.title == "Sizing in three cells")
        #expect(lesson.steps.map(\.input) == [["account 100000"], ["condor"], ["vix 20"], []])
        #expect(lesson.steps[0].narration == ["An account of $100k starts a cycle.", "", "The base is 1% of it."])
        #expect(lesson.steps[0].line == 5)
        #expect(lesson.steps[2].narration.isEmpty)
        #expect(lesson.steps[3].narration == ["That is all."])
    }

    @Test func notebookSkipsOutputBlocks() {
        let lesson = Lesson.parse(notebook, name: "01-x.md")
        #expect(lesson.title == "Sizing in three cells")
        #expect(lesson.steps.map(\.input) == [["account 100000"], ["condor"], ["vix 20"], []])
        #expect(lesson.steps[0].line == 6)
        #expect(!lesson.steps.flatMap(\.narration).contains { $0.contains("stale") })
        #expect(lesson.steps[1].narration == ["The condor at the defaults."])
    }

    @Test func onlyBacktickFencesAtTheMarginAreCells() {
        let text = "~~~markdown\n```hedgebook\nvix 30\n```\n~~~\n\n  ```hedgebook\nvix 40\n  ```\n\n```hedgebook\nvix 20\n```\n"
        let lesson = Lesson.parse(text, name: "a.md")
        #expect(lesson.steps.map(\.input) == [["vix 20"]])
        #expect(lesson.steps[0].narration.contains("vix 30"))
    }

    @Test func titleDefaultsToTheFileName() {
        #expect(Lesson.parse("condor\n", name: "sessions/07-extra.hb").title == "07-extra")
    }

    @Test func otherFencesStayInTheNarration() {
        let lesson = Lesson.parse("Read this:\n\n````text\na ``` b\n````\n\n```hedgebook\nvix 20\n```\n", name: "a.md")
        #expect(lesson.steps.count == 1)
        #expect(lesson.steps[0].narration == ["Read this:", "", "````text", "a ``` b", "````"])
    }
}

@Suite("Teaching mode: the stepper")
struct TeachingSessionTests {
    private func session() -> TeachingSession {
        TeachingSession(lesson: Lesson.parse(script, name: "x.hb"))
    }

    @Test func outputsAreComputedNotCopied() {
        let t = TeachingSession(lesson: Lesson.parse(notebook, name: "x.md"))
        #expect(t.cells.count == 4)
        #expect(t.cells[0].output.hasPrefix("account set to $100,000.00"))
        // The condor's credit at the defaults (METHOD §4): $1,441.15 at the mids; as filled, 4 legs × 0.05
        // × 100 = $20 of slippage and 4 × $1 of fees less: $1,417.15, as `hedgebook run` prints it.
        #expect(t.cells[1].output.contains("credit / contract      $1,417.15 as filled (model $1,441.15"))
        #expect(t.cells[2].output == "VIX 20")
        #expect(!t.cells.contains { $0.output.contains("stale") })
    }

    @Test func nextAndBackMoveAndStopAtTheEnds() {
        var t = session()
        #expect(t.progress == "cell 1/4")
        guard case .message = t.handle(.back) else { Issue.record("back at cell 1 should not move"); return }
        #expect(t.position == 0)
        guard case .show(let second) = t.handle(.next) else { Issue.record("next should show a cell"); return }
        #expect(second.hasPrefix("Sizing in three cells · cell 2/4"))
        #expect(second.contains("› condor"))
        _ = t.handle(.next)
        _ = t.handle(.next)
        #expect(t.progress == "cell 4/4")
        guard case .message(let end) = t.handle(.next) else { Issue.record("next at the end should not move"); return }
        #expect(end.contains("end of the lesson"))
        guard case .show(let third) = t.handle(.back) else { Issue.record("back should show a cell"); return }
        #expect(third.contains("cell 3/4") && third.contains("› vix 20\nVIX 20"))
        #expect(t.handle(.quit) == .quit)
    }

    @Test func backReshowsTheCellAsItWas() {
        var t = session()
        let first = t.screen()
        _ = t.handle(.next)
        _ = t.handle(.next)
        _ = t.handle(.back)
        _ = t.handle(.back)
        #expect(t.screen() == first)
    }

    @Test func whyExplainsTheCellsOwnNumbers() {
        var t = session()
        _ = t.handle(.next)
        guard case .message(let why) = t.handle(.why) else { Issue.record("why should print"); return }
        let lines = why.split(separator: "\n").map(String.init)
        #expect(lines.first == "cell 2: condor")
        // contracts = min(floor($1,000 / (90% × $1,441.15)), …) = floor(0.77) = 0: the first tree is the size.
        #expect(lines.dropFirst().first?.hasPrefix("  contracts = 0 contracts — min(floor(risk budget / risk per contract)") == true)
    }

    @Test func whyOnACellWithoutNumbersFallsBackToTheLastOnes() {
        var t = session()
        _ = t.handle(.next)
        _ = t.handle(.next)
        let why = t.whyText()
        #expect(why.hasPrefix("this cell computes no new numbers; the last ones were in lesson cell 2:\ncell 2: condor"))
    }

    @Test func aFailingCommandShowsItsLocatedErrorAndTheLessonGoesOn() {
        let t = TeachingSession(lesson: Lesson.parse("condor\nvix -3\nvix 25\n", name: "bad.hb"), source: "bad.hb")
        #expect(t.cells[1].output.isEmpty)
        #expect(t.cells[1].errors.hasPrefix("bad.hb:2:5: error:"))
        #expect(t.cells[2].output == "VIX 25")
    }

    @Test(arguments: [
        ("", TeachingSession.Key.next), ("n", .next), (" b ", .back), ("w", .why), ("q", .quit), ("x", .other("x")),
    ])
    func keysFromLines(line: String, key: TeachingSession.Key) {
        #expect(TeachingSession.Key(line: line) == key)
    }

    @Test(arguments: [
        (UInt8(13), TeachingSession.Key.next), (10, .next), (32, .next), (110, .next), (98, .back), (119, .why),
        (113, .quit), (3, .quit), (4, .quit),
    ])
    func keysFromBytes(byte: UInt8, key: TeachingSession.Key) {
        #expect(TeachingSession.Key(byte: byte) == key)
    }
}
