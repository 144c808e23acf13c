import HedgebookModel
import Testing

@testable import HedgebookShell

@Suite("fork, switch, branches, compare")
struct BranchTests {
    func shell() -> Shell {
        let s = Shell()
        for line in ["account 100000", "set underlying xsp", "loss 900"] { precondition(s.execute(line).ok, line) }
        return s
    }

    @Test("A fork copies the session; changes on it leave main alone; switch goes back")
    func forkIsIndependent() {
        let s = shell()
        #expect(s.execute("fork bold").ok)
        #expect(s.prompt.branch == "bold")
        #expect(s.execute("loss 1500").ok)
        #expect(s.session.state.account.step == 3)
        #expect(s.execute("switch main").ok)
        #expect(s.prompt.branch == nil)
        #expect(s.session.state.account.step == 2 && s.session.state.account.equity == 99_100)
        #expect(s.session.cells.count == 3)
    }

    @Test("undo acts on the current branch only")
    func undoPerBranch() {
        let s = shell()
        #expect(s.execute("fork b").ok)
        #expect(s.execute("win 500").ok)
        #expect(s.execute("undo").ok && s.execute("undo").ok)  // the win, then the fork's copy of loss 900
        #expect(s.session.state.account.equity == 100_000)
        #expect(s.execute("switch main").ok)
        #expect(s.session.state.account.equity == 99_100)
    }

    @Test("An existing name is refused; an unknown one suggests the closest")
    func names() {
        let s = shell()
        #expect(s.execute("fork bold").ok)
        let again = s.execute("fork bold")
        #expect(!again.ok && again.error.contains("exists already"))
        let typo = s.execute("switch bol")
        #expect(!typo.ok && typo.error.contains("did you mean bold?"), "\(typo.error)")
        let bad = s.execute("fork \"a b\"")
        #expect(!bad.ok && bad.error.contains("cannot name a branch"))
    }

    @Test("branches lists each with its cells and equity; the current one is marked")
    func listing() {
        let s = shell()
        #expect(s.execute("fork b; win 500").ok)
        let r = s.execute("branches")
        #expect(r.text.contains("  main") && r.text.contains("* b") && r.text.contains("$99,600.00"))
    }

    @Test("compare puts the key results side by side with the difference; JSON rows name a and b")
    func compare() {
        let s = shell()
        #expect(s.execute("fork b; win 500").ok)
        let r = s.execute("compare main b")
        #expect(r.ok, "\(r.error)")
        #expect(r.text.contains("equity") && r.text.contains("$99,100.00") && r.text.contains("$99,600.00"))
        #expect(r.text.contains("+$500.00"))
        #expect(r.json[0].contains("\"branches\":[\"main\",\"b\"]") && r.json[0].contains("{\"name\":\"equity\",\"a\":99100,\"b\":99600}"))
        #expect(!s.execute("compare main nope").ok)
    }

    @Test("save writes the current branch")
    func saveCurrent() {
        let s = shell()
        #expect(s.execute("fork b; win 500").ok)
        #expect(s.session.script.hasSuffix("win 500\n"))
    }
}
