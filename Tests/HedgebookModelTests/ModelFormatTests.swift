import HedgebookModel
import Testing

/// The model's number formatting, worked by hand (half away from zero on the binary value).
@Suite("ModelFormat: plain, fixed, dollars and percent")
struct ModelFormatTests {
    @Test("plain drops trailing zeros and a bare point", arguments: [
        (1800.0, 6, "1800"), (0.16, 6, "0.16"), (2.5, 6, "2.5"),
        (-0.0000001, 6, "0"),  // rounds to zero: no minus sign
        (1.23456789, 6, "1.234568"), (-2.5, 0, "-3"),
    ])
    func plain(x: Double, decimals: Int, expected: String) {
        #expect(ModelFormat.plain(x, decimals: decimals) == expected)
    }

    @Test("fixed keeps exactly the decimals asked for", arguments: [
        (2.5, 0, "3"), (-2.5, 0, "-3"),
        (0.125, 2, "0.13"),  // 0.125 is exact in binary: 12.5 rounds away from zero
        (1.005, 2, "1.00"),  // 1.005 is 1.00499999999999989… in binary
        (-0.001, 2, "0.00"), (7.0, 3, "7.000"),
        (1e16, 2, "10000000000000000"),  // past 9e15 scaled: whole digits only
        (2.5e25, 0, "2.5e+25"),  // past Int64: Swift's shortest form
    ])
    func fixed(x: Double, decimals: Int, expected: String) {
        #expect(ModelFormat.fixed(x, decimals: decimals) == expected)
    }

    @Test("dollars group thousands and put the sign before the $", arguments: [
        (1800.0, 2, "$1,800.00"), (-580.0, 0, "-$580"), (1_234_567.891, 2, "$1,234,567.89"),
        (-0.001, 2, "$0.00"), (999.995, 2, "$1,000.00"), (100.0, 2, "$100.00"),
        (123_456.0, 0, "$123,456"), (-0.5, 0, "-$1"), (-1e16, 2, "-$10,000,000,000,000,000"),
    ])
    func dollars(x: Double, decimals: Int, expected: String) {
        #expect(ModelFormat.dollars(x, decimals: decimals) == expected)
    }

    @Test func percentAndNonFinite() {
        #expect(ModelFormat.percent(0.012) == "1.2%")
        #expect(ModelFormat.percent(0.16, decimals: 0) == "16%")
        #expect(ModelFormat.plain(.nan) == "not a number")
        #expect(ModelFormat.plain(.infinity) == "infinity")
        #expect(ModelFormat.fixed(-.infinity, decimals: 2) == "-infinity")
    }
}
