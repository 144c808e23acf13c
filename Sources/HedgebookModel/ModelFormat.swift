/// Plain, locale-free number formatting used inside model messages and explanations.
///
/// The shell has its own richer formatting for tables; the model needs only enough to write
/// a readable sentence, and must be deterministic on every machine.
public enum ModelFormat {
    /// `x` with up to `decimals` decimals, trailing zeros removed: `1800`, `0.16`, `2.5`.
    public static func plain(_ x: Double, decimals: Int = 6) -> String {
        guard x.isFinite else { return x.isNaN ? "not a number" : (x > 0 ? "infinity" : "-infinity") }
        var s = fixed(x, decimals: decimals)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// `x` rounded half away from zero to exactly `decimals` decimals, no separators.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return plain(x) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let negative = x < 0
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        if scaled >= 9e15 {
            let whole = abs(x).rounded()
            // Past Int64 the digits are noise anyway: Swift's shortest form (2.5e+25).
            return (negative ? "-" : "") + (whole < 9.2e18 ? String(Int64(whole)) : "\(whole)")
        }
        let n = UInt64(scaled)
        let unit = UInt64(scale)
        let whole = n / unit
        var out = (negative && n != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let frac = String(n % unit)
            out += "." + String(repeating: "0", count: decimals - frac.count) + frac
        }
        return out
    }

    /// Dollars with thousands separators and `decimals` decimals: `$1,800.00`, `-$580`.
    public static func dollars(_ x: Double, decimals: Int = 2) -> String {
        let s = fixed(abs(x), decimals: decimals)
        let parts = s.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        let frac = parts.count > 1 ? "." + parts[1] : ""
        let isNegative = x < 0 && fixed(abs(x), decimals: decimals).contains(where: { $0 != "0" && $0 != "." })
        return (isNegative ? "-$" : "$") + grouped + frac
    }

    /// A fraction as a percentage: `0.012` → `1.2%`.
    public static func percent(_ fraction: Double, decimals: Int = 2) -> String {
        plain(fraction * 100, decimals: decimals) + "%"
    }
}
