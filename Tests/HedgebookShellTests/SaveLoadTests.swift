import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

@Suite struct SaveLoadTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "hedgebook-saveload-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func saveThenLoadGivesTheSameStateAndOutput() throws {
        let a = Shell()
        var outputs: [String] = []
        for line in ["date 2026-11-20", "spx 6000; vix 16", "set delta 16", "account 100000", "loss 900", "condor"] {
            let r = a.execute(line)
            #expect(r.ok)
            outputs.append(r.text)
        }
        let path = folder + "/s.hb"
        #expect(a.execute("save \(path)").ok)
        let b = Shell()
        let r = b.execute("load \(path)")
        #expect(r.ok, "\(r.error)")
        #expect(b.session.state.account == a.session.state.account)
        #expect(b.session.state.market == a.session.state.market)
        #expect(b.session.cells.map(\.output) == a.session.cells.map(\.output))
        #expect(b.session.cells.map(\.input) == a.session.cells.map(\.input))
    }

    @Test func saveRefusesToOverwriteButBangDoes() throws {
        let path = folder + "/exists.hb"
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        let s = Shell()
        _ = s.execute("account 100000")
        let r = s.execute("save \(path)")
        #expect(!r.ok)
        #expect(r.error.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(s.execute("save! \(path)").ok)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "account 100000\n")
    }

    @Test func saveIntoAMissingFolderFailsCleanly() {
        let s = Shell()
        _ = s.execute("account 100000")
        let r = s.execute("save \(folder)/no/such/dir/x.hb")
        #expect(!r.ok)
        #expect(r.error.contains("cannot write"))
        #expect(s.session.cells.count == 1)
    }

    @Test func loadStopsAtFirstErrorWithFileLineColumnAndKeepsNothing() throws {
        let path = folder + "/bad.hb"
        try "account 100000\nloss 900\nset base 2\nwin 100\n".write(toFile: path, atomically: true, encoding: .utf8)
        let s = Shell()
        _ = s.execute("spx 5900")
        let r = s.execute("load \(path)")
        #expect(!r.ok)
        #expect(r.error.contains("\(path):3:10: error: expected a percentage"))
        #expect(s.session.cells.map(\.input) == ["spx 5900"])
        #expect(!s.session.state.account.hasAccount)
    }

    @Test func loadOfAMissingFileSaysSo() {
        let r = Shell().execute("load \(folder)/missing.hb")
        #expect(!r.ok)
        #expect(r.error.contains("No such file"))
    }
}
