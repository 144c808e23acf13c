#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import HedgebookModel

/// A JSON value, built by the shell and encoded without Foundation.
///
/// Object keys keep their insertion order, so output is deterministic and diffs cleanly.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.encoded() == b.encoded() }

    /// A number, or `null` when it is not finite (JSON has no NaN; the model should never produce one).
    public static func num(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }

    /// An optional number.
    public static func num(_ x: Double?) -> JSONValue { x.map { num($0) } ?? .null }

    /// An integer.
    public static func int(_ x: Int) -> JSONValue { .number(Double(x)) }

    /// Compact JSON text.
    public func encoded() -> String {
        var out = ""
        encode(into: &out)
        return out
    }

    func encode(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += JSONValue.format(x)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.encode(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                value.encode(into: &out)
            }
            out += "}"
        }
    }

    /// Integers print without a fraction; other numbers with 10 decimals — more below 0.1, so that
    /// at least 10 significant digits survive (`0.000000123`), fewer only where the digits would
    /// pass 2^53 (`999999.99` keeps its cents: 9 decimals fit, and no number loses a digit it had
    /// in its 10 significant). Reading the text back gives the number to 10 significant digits.
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let magnitude = abs(x)
        // Below 1e-8, 10 significant digits need more than 19 decimals: Swift's shortest
        // round-trip form (`1.5e-11`), valid JSON; no dollar amount is ever that small.
        if magnitude < 1e-8 { return "\(x)" }
        var decimals = 10
        if magnitude < 0.1 {
            // Leading zeros after the point: 0.0123 has 1, 0.000000123 has 6.
            decimals += min(9, max(0, Int((-log10(magnitude)).rounded(.down))))
        }
        while decimals > 0, magnitude * pow(10, Double(decimals)) >= 9e15 { decimals -= 1 }
        return ModelFormat.plain(x, decimals: decimals)
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            // Nothing to escape (the common case): the text as it is.
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
