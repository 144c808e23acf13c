import Foundation
import Testing

/// `hedgebook data …` and `replay` through the binary, with the store in the test's folder.
@Suite("Binary: data and replay")
struct DataCommandTests {
    @Test("data import fills the store, data lists it, a refused import exits 1 with a located error")
    func importAndList() throws {
        let hedgebook = try Hedgebook()
        let spx = try hedgebook.script("spx.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2/2/2018,1,1,1,2762.13,1,1\n2/5/2018,1,1,1,2648.94,1,1\n")
        let vix = try hedgebook.script("vix.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n02/02/2018,1,1,1,17.31\n02/05/2018,1,1,1,37.32\n02/06/2018,.,.,.,.\n")
        let a = try hedgebook.run(["data", "import", "spx", spx])
        #expect(a.status == 0)
        #expect(a.stdout == "imported SPX from \(spx) (2018-02-02 to 2018-02-05): 2 added, 0 unchanged\n")
        #expect(try hedgebook.run(["data", "import", "vix", vix]).status == 0)
        let list = try hedgebook.run(["data"])
        #expect(list.status == 0)
        #expect(list.stdoutLines.contains { $0.hasPrefix("vix ") && $0.hasSuffix("2018-02-02  2018-02-05     2") })
        let other = try hedgebook.script("vix2.csv", "date,close\n2018-02-05,38\n")
        let refused = try hedgebook.run(["data", "import", "vix", other])
        #expect(refused.status == 1)
        #expect(refused.stderr == "hedgebook: \(other):2:1: VIX on 2018-02-05 is stored as 37.32; this file says 38.0; nothing was imported: `--replace` takes the file's values\n")
        #expect(try hedgebook.run(["data", "import", "vix", other, "--replace"]).status == 0)
        #expect(try hedgebook.run(["data", "import", "nasdaq", other]).status == 2)
        let replay = try hedgebook.run(["-c", "replay 2018-02-01; next"])
        #expect(replay.status == 0)
        #expect(replay.stdout.hasSuffix("date 2018-02-05 (+3 days)\nSPX 2648.94\nVIX 38\n"))
    }
}
