import Foundation
import HedgebookModel
@testable import HedgebookShell
import PropertyBased
import Testing

@Suite("Numbers that print right: JSON round trips, missed deltas, undefined figures")
struct NumbersTests {
    @Test("account 999999.99 keeps its cents in JSON")
    func cents() {
        #expect(JSONValue.format(999_999.99) == "999999.99")
        #expect(JSONValue.format(12_345_678.91) == "12345678.91")
        #expect(JSONValue.format(0.000000123) == "0.000000123")
        let s = Shell()
        #expect(s.execute("account 999999.99").json.last?.contains("\"equity\":999999.99") == true)
    }

    @Test("Every finite number reads back to 10 significant digits")
    func roundTrip() async {
        await propertyCheck(count: 2_000, input: Gen.double(in: -15...15), Gen.double(in: 1...9.999), Gen.bool) { exponent, mantissa, negative in
            let x = (negative ? -1 : 1) * mantissa * pow(10, exponent.rounded(.down))
            let text = JSONValue.format(x)
            if abs(x) >= 1e-8 { #expect(!text.contains("e") && !text.contains("E"), "\(x) → \(text)") }
            let back = Double(text)!
            #expect(abs(back - x) <= 5e-10 * abs(x), "\(x) → \(text)")
        }
    }

    @Test("A short strike stuck at the last listed strike says it missed its delta, in text and JSON")
    func deltaMissed() {
        let s = Shell()
        #expect(s.execute("condor").ok)
        #expect(json(lastResult(s), "deltaMissed") == .bool(false))
        #expect(s.execute("vix 80; set dte 400; condor").ok)
        #expect(json(lastResult(s), "deltaMissed") == .bool(true))
        #expect(s.session.cells.last!.output.contains("missed 16Δ: short call 18000 (the last listed strike, 3 × spot"))
    }

    @Test("why prints an undefined figure as undefined, never 0")
    func undefinedFigures() {
        let s = Shell()
        #expect(s.execute("account 1000; journal").ok)
        let why = s.execute("why").text
        #expect(why.contains("win rate = undefined") && why.contains("money-weighted IRR = undefined"))
        #expect(!why.contains("win rate = 0%"))
    }
}
