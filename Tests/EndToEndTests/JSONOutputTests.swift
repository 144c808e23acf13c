import Testing

/// `--json`: one JSON object per command on stdout, one per line, and nothing else there.
@Suite("--json")
struct JSONOutputTests {
    @Test("Every stdout line is a JSON object with line, input, ok and result or error")
    func objects() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("mixed.hb", "account 100000\naccount abc\naccount 250000\n")
        let run = try hedgebook.run(["run", path, "--json", "--keep-going"])
        #expect(run.status == 1)
        let objects = Hedgebook.jsonObjects(run.stdout)
        try #require(objects.count == 3)
        for object in objects {
            let object = try #require(object, "a stdout line is not a JSON object")
            #expect(object["line"] is Int)
            #expect(object["input"] is String)
            let ok = try #require(object["ok"] as? Bool)
            if ok {
                #expect(object["result"] != nil)
            } else {
                let error = try #require(object["error"] as? [String: Any])
                #expect(error["message"] is String)
                #expect(error["column"] is Int)
            }
        }
        #expect(objects.map { $0?["ok"] as? Bool } == [true, false, true])
        #expect(objects.map { $0?["line"] as? Int } == [1, 2, 3])
        #expect(objects[1]?["input"] as? String == "account abc")
        let error = objects[1]?["error"] as? [String: Any]
        #expect(error?["column"] as? Int == 9)
    }

    @Test("Without --keep-going the JSON stops at the failing line")
    func stops() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("mixed.hb", "account 100000\nfrobnicate\naccount 250000\n")
        let run = try hedgebook.run(["run", path, "--json"])
        #expect(run.status == 1)
        #expect(run.stdoutLines.count == 2)
        #expect(Hedgebook.jsonObjects(run.stdout).allSatisfy { $0 != nil })
    }

    @Test("-c with --json gives one object per command of the line")
    func commandOption() throws {
        let run = try Hedgebook().run(["-c", "account 100000; account 250000", "--json"])
        #expect(run.status == 0)
        let objects = Hedgebook.jsonObjects(run.stdout)
        #expect(objects.count == 2)
        #expect(objects.allSatisfy { $0?["ok"] as? Bool == true })
    }

    @Test("stdin with --json prints JSON only")
    func standardInput() throws {
        let run = try Hedgebook().run(["--json"], stdin: "account 100000\n")
        #expect(run.status == 0)
        let objects = Hedgebook.jsonObjects(run.stdout)
        #expect(objects.count == 1)
        #expect(objects.allSatisfy { $0 != nil })
    }
}
