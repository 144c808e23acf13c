import Foundation
import Testing

@testable import HedgebookShell

/// `save`, `export` and `payoff --svg` write atomically, never clobber without the `!` form,
/// and a failed write leaves the old file whole, says why, and leaves no temporary file.
@Suite struct FileSafetyTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "hedgebook-files-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func shell() -> Shell {
        let s = Shell()
        _ = s.execute("account 100000; loss 900")
        return s
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Names in the folder that look like a temporary file left behind.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".hedgebook-") }
    }

    @Test("save, export and payoff --svg refuse an existing file; the ! form replaces it", arguments: [
        ("save", "save!"), ("export", "export!"), ("payoff --svg", "payoff --svg!"),
    ])
    func noClobber(_ plain: String, _ bang: String) throws {
        let path = folder + "/exists"
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        let s = shell()
        let refused = s.execute("\(plain) \(path)")
        #expect(!refused.ok)
        #expect(refused.error.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        let replaced = s.execute("\(bang) \(path)")
        #expect(replaced.ok, "\(replaced.error)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) != "old\n")
        #expect(try leftovers().isEmpty)
    }

    @Test("A replaced file keeps its permissions; a new one gets 0644 less the umask")
    func permissions() throws {
        let kept = folder + "/private.hb"
        try "old\n".write(toFile: kept, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: kept)
        #expect(shell().execute("save! \(kept)").ok)
        #expect(try mode(kept) == 0o600)
        let mask = umask(0o022)
        umask(mask)
        let fresh = folder + "/new.hb"
        #expect(shell().execute("save \(fresh)").ok)
        #expect(try mode(fresh) == 0o644 & ~Int(mask))
    }

    @Test("A folder that is a file or is missing: the error says why, nothing is written")
    func impossibleFolders() throws {
        let notAFolder = folder + "/plain"
        try "x".write(toFile: notAFolder, atomically: true, encoding: .utf8)
        let s = shell()
        let underFile = s.execute("save \(notAFolder)/s.hb")
        #expect(!underFile.ok)
        #expect(underFile.error.contains("Not a directory"))
        let missing = s.execute("export \(folder)/no/such/dir/s.md")
        #expect(!missing.ok)
        #expect(missing.error.contains("No such file or directory"))
        #expect(s.session.cells.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plain"])
    }

    @Test("A read-only folder leaves the old file intact and says why (a file-backed path as root)")
    func readOnlyFolder() throws {
        let locked = folder + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        let path = locked + "/s.hb"
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        if geteuid() == 0 {
            // root writes through mode 0500: make the write fail on the rename instead, by
            // replacing a path that is a non-empty folder.
            let folderTarget = locked + "/taken"
            try FileManager.default.createDirectory(atPath: folderTarget + "/inside", withIntermediateDirectories: true)
            let r = shell().execute("save! \(folderTarget)")
            #expect(!r.ok)
            #expect(r.error.contains("it is a directory; hedgebook writes regular files only"))
            #expect(FileManager.default.fileExists(atPath: folderTarget + "/inside"))
        } else {
            chmod(locked, 0o500)
            defer { chmod(locked, 0o700) }
            let r = shell().execute("save! \(path)")
            #expect(!r.ok)
            #expect(r.error.contains("Permission denied"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked).allSatisfy { !$0.hasPrefix(".hedgebook-") })
    }
}
