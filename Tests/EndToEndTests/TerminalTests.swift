import Testing
@testable import HedgebookShell

/// The REPL's pure pieces: the prompt text and what Tab does.
@Suite("Terminal")
struct TerminalTests {
    @Test("The prompt before an account is set")
    func plainPrompt() {
        #expect(TerminalPrompt.render(PromptInfo(cell: 1, step: nil, equity: nil)) == "[1] › ")
    }

    @Test("The prompt shows the step and the equity")
    func statePrompt() {
        let info = PromptInfo(cell: 3, step: 2, equity: 98_200)
        #expect(TerminalPrompt.render(info) == "[3] step 2 · $98,200 › ")
    }

    @Test("With positions open the prompt shows the marked equity beside the realised one")
    func markedPrompt() {
        var info = PromptInfo(cell: 5, step: 1, equity: 100_000)
        info.markedEquity = 99_712.5
        #expect(TerminalPrompt.render(info) == "[5] step 1 · $100,000 (marked $99,713) › ")
        let shell = Shell()
        _ = shell.execute("set underlying xsp; account 100000; open condor")
        #expect(shell.prompt.markedEquity.map { $0 < 100_000 } == true)  // a round trip costs slippage and fees
        _ = shell.execute("close")
        #expect(shell.prompt.markedEquity == nil)
    }

    @Test("Colours are wrapped in the marker, so the visible text is unchanged")
    func colouredPrompt() {
        let info = PromptInfo(cell: 3, step: 2, equity: 98_200)
        let coloured = TerminalPrompt.render(info, colorMarker: "\u{1}")
        #expect(coloured.contains("\u{1B}["))
        // Dropping every marked span leaves the plain prompt.
        var visible = ""
        var inside = false
        for c in coloured {
            if c == "\u{1}" { inside.toggle(); continue }
            if !inside { visible.append(c) }
        }
        #expect(visible == TerminalPrompt.render(info))
    }

    @Test("The word being completed", arguments: [
        ("acc", "acc"), ("set de", "de"), ("account 1; con", "con"), ("", ""), ("set ", ""),
    ])
    func word(prefix: String, word: String) {
        #expect(TerminalCompletion.word(in: prefix) == word[...])
    }

    @Test("One candidate inserts the rest of the word and a space")
    func unique() {
        #expect(TerminalCompletion.edit(prefix: "acc", candidates: ["account"])
            == CompletionEdit(insert: "ount "))
        #expect(TerminalCompletion.edit(prefix: "set de", candidates: ["delta"])
            == CompletionEdit(insert: "lta "))
    }

    @Test("Several candidates insert their common prefix and are listed")
    func several() {
        #expect(TerminalCompletion.edit(prefix: "set s", candidates: ["skew", "steps", "stops"])
            == CompletionEdit(insert: "", listing: ["skew", "steps", "stops"]))
        #expect(TerminalCompletion.edit(prefix: "set st", candidates: ["steps", "stops"])
            == CompletionEdit(insert: "", listing: ["steps", "stops"]))
        #expect(TerminalCompletion.edit(prefix: "w", candidates: ["width", "withdraw", "win"])
            == CompletionEdit(insert: "i", listing: ["width", "withdraw", "win"]))
    }

    @Test("No candidate: nothing to do")
    func none() {
        #expect(TerminalCompletion.edit(prefix: "zz", candidates: []) == nil)
    }

    @Test("A candidate that does not extend the word replaces it")
    func replaces() {
        #expect(TerminalCompletion.edit(prefix: "ACC", candidates: ["account"])
            == CompletionEdit(deleteCount: 3, insert: "account "))
    }

    @Test("Listings fit the width, one row per line")
    func columns() {
        #expect(TerminalCompletion.columns(["a", "bb", "ccc"], width: 80) == "a    bb   ccc\n")
        #expect(TerminalCompletion.columns(["a", "bb", "ccc"], width: 10) == "a    bb\nccc\n")
        #expect(TerminalCompletion.columns([], width: 80) == "")
    }
}
