import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

/// The committed corpus of malformed lines (Tests/Corpus): each fails with a located error,
/// a caret, no NaN or infinity, and leaves the session exactly as it was.
@Suite struct BadInputCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

    /// The text corpus's cases, with `\u{HEX}` decoded.
    static let textCases: [String] = {
        guard let text = try? String(contentsOf: corpus.appendingPathComponent("bad-input.txt"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("##") }
            .map { decodeEscapes(String($0)) }
    }()

    /// The binary corpus's lines, decoded as the stdin reader does (invalid bytes become U+FFFD).
    static let binaryCases: [String] = {
        guard let data = try? Data(contentsOf: corpus.appendingPathComponent("bad-input-binary.bin")) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }()

    /// Lines of 100 kB and more.
    static let longCases: [String] = [
        "account " + String(repeating: "9", count: 100_000),
        String(repeating: "x", count: 100_000),
        "set delta " + String(repeating: "1", count: 100_000),
        "spx 6000 " + String(repeating: " ", count: 100_000) + "7000",
        "save \"" + String(repeating: "a", count: 100_000),
        "price spx put 5800 " + String(repeating: "4", count: 100_000),
        "condor " + String(repeating: "é", count: 50_000),
        "date " + String(repeating: "2026-", count: 20_000),
    ]

    static func decodeEscapes(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let start = rest.range(of: "\\u{") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: "}"),
                  let value = UInt32(rest[start.upperBound..<close], radix: 16), let scalar = Unicode.Scalar(value)
            else { out += "\\u{"; rest = rest[start.upperBound...]; continue }
            out.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    @Test("The corpus holds at least 300 malformed lines across its categories")
    func corpusSize() {
        #expect(Self.textCases.count >= 300)
        #expect(Self.binaryCases.count >= 50)
        #expect(Self.longCases.allSatisfy { $0.utf8.count >= 100_000 })
    }

    @Test("Each malformed line: a located error with a caret, no NaN or ∞, nothing changed",
          arguments: textCases + binaryCases + longCases)
    func rejected(_ line: String) throws {
        let shell = Shell()
        for setup in ["account 100000", "loss 900"] { try #require(shell.execute(setup).ok) }
        let account = shell.session.state.account
        let market = shell.session.state.market
        let date = shell.session.state.date
        let inputs = shell.session.cells.map(\.input)
        let logCount = shell.session.log.count

        let result = shell.execute(line, lineNumber: 3)
        let shown = line.count > 60 ? String(line.prefix(60)) + "…" : line
        #expect(!result.ok, "accepted: \(shown)")
        #expect(result.text.isEmpty, "printed output for \(shown)")
        let lines = result.error.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.first.map(String.init))
        let fields = header.split(separator: ":", maxSplits: 2)
        #expect(fields.count == 3 && fields[0] == "3", "no line number: \(header.prefix(120))")
        let column = fields.count == 3 ? Int(fields[1]) ?? 0 : 0
        #expect((1...(line.count + 1)).contains(column), "column \(column) outside the line (\(line.count) characters)")
        #expect(fields.count == 3 && fields[2].hasPrefix(" error: "), "no `error:` in \(header.prefix(120))")
        #expect(lines.count >= 3 && lines[2].contains("^"), "no caret line for \(shown)")
        // The message and hint (not the echoed line) name no NaN or infinity the user did not type.
        let words = (lines.prefix(1) + lines.dropFirst(3)).joined(separator: " ")
            .split(whereSeparator: { !$0.isLetter && $0 != "∞" }).map { $0.lowercased() }
        for bad in ["nan", "inf", "infinity", "∞"] where words.contains(bad) {
            #expect(line.lowercased().contains(bad), "the error names \(bad): \(header.prefix(120))")
        }

        #expect(shell.session.cells.map(\.input) == inputs, "cells changed by \(shown)")
        #expect(shell.session.state.account == account, "account changed by \(shown)")
        #expect(shell.session.state.market == market, "market changed by \(shown)")
        #expect(shell.session.state.date == date, "date changed by \(shown)")
        #expect(shell.session.log.count == logCount, "journal changed by \(shown)")
    }
}
