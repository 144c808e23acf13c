@testable import HedgebookShell
import Testing

@Suite("Numbers: dollars, separators, percentages, deltas")
struct NumberLiteralTests {
    @Test(arguments: [
        ("account 100000", 100_000.0),
        ("account 100,000", 100_000),
        ("account $100,000", 100_000),
        ("account 100k", 100_000),
        ("account 100K", 100_000),
        ("account 1.5m", 1_500_000),
        ("account 1.5M", 1_500_000),
        ("account 2.5k", 2_500),
        ("account $1.2k", 1_200),
        ("account $1,234,567.89", 1_234_567.89),
        ("account 0.5", 0.5),
        ("account .5", 0.5),
        ("account +5000", 5000),
        ("account 007", 7),
        ("account 100000.00", 100_000),
    ])
    func dollars(_ line: String, _ value: Double) {
        #expect(commands(line) == [.account(value)])
    }

    @Test(arguments: [
        ("rate 4%", 0.04),
        ("rate 1.5%", 0.015),
        ("rate 0%", 0),
        ("rate -0.5%", -0.005),
        ("rate -0%", 0),
        ("dividend 1.3%", 0.013),
        ("dividend 0.25%", 0.0025),
        ("rate 1,000%", 10),
    ])
    func percentages(_ line: String, _ value: Double) {
        let expected: Command = line.hasPrefix("rate") ? .rate(value) : .dividend(value)
        #expect(commands(line) == [expected])
    }

    @Test func negativeZeroBecomesZero() {
        guard case .set(.skew(let k))? = commands("set skew -0").first else { Issue.record("no skew"); return }
        #expect(k == 0 && k.sign == .plus)
    }

    @Test(arguments: [
        ("set delta 16", 0.16),
        ("set delta 0.16", 0.16),
        ("set delta 16%", 0.16),
        ("set delta 5", 0.05),
        ("set delta 1", 0.01),
        ("set delta 0.05", 0.05),
        ("set delta 16.5", 0.165),
        ("set delta 30", 0.30),
    ])
    func deltas(_ line: String, _ value: Double) {
        #expect(commands(line) == [.set(.delta(value))])
    }

    @Test(arguments: [
        ("set skew -4", -4.0),
        ("set skew 4", 4),
        ("set skew -0.5", -0.5),
        ("set skew +2", 2),
    ])
    func signedWhereMeaningful(_ line: String, _ value: Double) {
        #expect(commands(line) == [.set(.skew(value))])
    }

    @Test(arguments: [
        ("spx 6,000", Command.spx(6000)),
        ("spx 5987.25", .spx(5987.25)),
        ("vix 16.5", .vix(16.5)),
        ("set width 5", .set(.width(5))),
        ("win 0", .win(0)),
        ("set kappa 0", .set(.kappa(0))),
        ("set grosscap 0%", .set(.grosscap(0))),
        ("set dte 1,000", .set(.dte(1000))),
        ("set dte 45.0", .set(.dte(45))),
        ("price spx put 5,800 45", .price(.spx, .put, strike: 5800, dte: 45)),
    ])
    func plainNumbers(_ line: String, _ expected: Command) {
        #expect(commands(line) == [expected])
    }

    @Test(arguments: [
        ("1,000", "1000", "0"),
        ("12", "12", "0"),
        ("$1.2k", "1", "2"),
    ])
    func literalParts(_ text: String, _ integer: String, _ fraction: String) throws {
        let literal = try NumberLiteral.read(text)
        #expect(literal.integerDigits == integer)
        #expect((literal.fractionDigits ?? "0") == fraction)
    }
}
