import Testing

@testable import HedgebookShell

/// Issue 11, "solid ground": one test (or more) per numbered item, named after it.
/// The PTY side is tests/pty/solid.sh; the binary's side is Tests/EndToEndTests/SolidGroundTests.swift.
@Suite("Solid ground")
struct SolidGroundTests {
    /// Runs `script` in a fresh shell and returns what it printed.
    static func run(_ script: String, shell: Shell = Shell()) -> ScriptRunner.Outcome {
        ScriptRunner.run(script, source: "t", shell: shell, options: .init(keepGoing: true))
    }

    @Test("item 1: under a non-UTF-8 locale every report folds to ASCII")
    func item1ASCII() {
        let out = Self.run("""
            account 100000
            condor
            layers
            payoff
            risk
            progression
            """).output
        #expect(out.contains("─") && out.contains("·"))
        let folded = ASCIIText.fold(out)
        #expect(folded.utf8.allSatisfy { $0 < 0x80 })
        #expect(ASCIIText.fold("[3] step 2 · $98,200 › ") == "[3] step 2 - $98,200 > ")
        #expect(ASCIIText.fold("−8% σ") == "-8% s")
    }
}
