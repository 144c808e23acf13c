/// Plain, locale-free number formatting used inside model messages and explanations.
///
/// The shell has its own richer formatting for tables; the model needs only enough to write
/// a readable sentence, and must be deterministic on every machine. Every string is written
/// once into a small byte buffer (this is on the hot path of every report).
public enum ModelFormat {
    /// `x` with up to `decimals` decimals, trailing zeros removed: `1800`, `0.16`, `2.5`.
    public static func plain(_ x: Double, decimals: Int = 6) -> String {
        guard x.isFinite else { return x.isNaN ? "not a number" : (x > 0 ? "infinity" : "-infinity") }
        guard let (n, negative) = scaled(x, decimals) else {
            let s = fixed(x, decimals: decimals)
            return s == "-0" ? "0" : s
        }
        return render(n, decimals: decimals, sign: negative ? "-" : "", trim: true, group: false)
    }

    /// `x` rounded half away from zero to exactly `decimals` decimals, no separators.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return plain(x) }
        guard let (n, negative) = scaled(x, decimals) else {
            let whole = abs(x).rounded()
            // Past Int64 the digits are noise anyway: Swift's shortest form (2.5e+25).
            return (x < 0 ? "-" : "") + (whole < 9.2e18 ? String(Int64(whole)) : "\(whole)")
        }
        return render(n, decimals: decimals, sign: negative ? "-" : "", trim: false, group: false)
    }

    /// Dollars with thousands separators and `decimals` decimals: `$1,800.00`, `-$580`.
    public static func dollars(_ x: Double, decimals: Int = 2) -> String {
        guard x.isFinite, let (n, negative) = scaled(x, decimals) else { return groupedDollars(x, decimals: decimals) }
        return render(n, decimals: decimals, sign: negative ? "-$" : "$", trim: false, group: true)
    }

    /// A signed P&L: `+$20.00`, `-$580.00`, `$0.00`.
    public static func signedDollars(_ x: Double) -> String {
        let text = dollars(x)
        return x > 0 && text.hasPrefix("$") ? "+" + text : text
    }

    /// A fraction as a percentage: `0.012` → `1.2%`.
    public static func percent(_ fraction: Double, decimals: Int = 2) -> String {
        plain(fraction * 100, decimals: decimals) + "%"
    }

    /// The exact decimal digits of a whole, finite, non-negative `x` of any size: a Double past
    /// 2^63 is its 53-bit significand times a power of two, multiplied out in base 10^9, so a
    /// dollar amount never prints with an exponent (1e20 is `100000000000000000000`).
    static func wholeDigits(_ x: Double) -> String {
        guard x.isFinite, x >= 9.2e18 else { return String(Int64(x.isFinite ? min(max(x, 0), 9.2e18) : 0)) }
        let base: UInt64 = 1_000_000_000
        let m = x.significandBitPattern | (1 << 52)
        var limbs: [UInt64] = [m % base, (m / base) % base, m / (base * base)]
        var shift = Int(x.exponent) - 52
        while shift > 0 {
            let s = min(shift, 30)
            var carry: UInt64 = 0
            for i in limbs.indices {
                let v = (limbs[i] << UInt64(s)) + carry
                limbs[i] = v % base
                carry = v / base
            }
            while carry > 0 { limbs.append(carry % base); carry /= base }
            shift -= s
        }
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        var out = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            out += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return out
    }

    /// `|x| × 10^decimals` rounded half away from zero, and whether to print a minus sign
    /// (only when the rounded value is not zero); nil when it is too large for exact digits.
    private static func scaled(_ x: Double, _ decimals: Int) -> (UInt64, Bool)? {
        guard decimals >= 0, decimals <= 19 else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let s = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard s < 9e15 else { return nil }
        let n = UInt64(s)
        return (n, x < 0 && n != 0)
    }

    /// Writes `sign`, the digits of `n` with `decimals` of them after the point (trailing zeros
    /// and a bare point dropped with `trim`, thousands commas with `group`) into one string.
    private static func render(_ n: UInt64, decimals: Int, sign: StaticString, trim: Bool, group: Bool) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            // Digits right to left from the end of the buffer.
            var end = 48, at = 48, v = n, digits = 0
            repeat {
                if group && digits > decimals && (digits - decimals) % 3 == 0 { at -= 1; buffer[at] = UInt8(ascii: ",") }
                at -= 1
                buffer[at] = UInt8(ascii: "0") &+ UInt8(v % 10)
                v /= 10
                digits += 1
                if digits == decimals { at -= 1; buffer[at] = UInt8(ascii: ".") }
            } while v > 0 || digits <= decimals
            if trim && decimals > 0 {
                while buffer[end - 1] == UInt8(ascii: "0") { end -= 1 }
                if buffer[end - 1] == UInt8(ascii: ".") { end -= 1 }
            }
            sign.withUTF8Buffer { s in
                at -= s.count
                for i in 0..<s.count { buffer[at + i] = s[i] }
            }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[at..<end]), as: UTF8.self)
        }
    }

    /// The straightforward form of ``dollars(_:decimals:)``, for values too large for ``render``.
    private static func groupedDollars(_ x: Double, decimals: Int) -> String {
        // Dollars never print an exponent: past Int64, the exact digits of the whole part.
        let s = abs(x) >= 9.2e18 ? wholeDigits(abs(x).rounded()) : fixed(abs(x), decimals: decimals)
        let parts = s.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        let frac = parts.count > 1 ? "." + parts[1] : ""
        let isNegative = x < 0 && s.contains(where: { $0 != "0" && $0 != "." })
        return (isNegative ? "-$" : "$") + grouped + frac
    }
}
