#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One dated external flow, signed from the investor's side: money in is negative.
public struct CashFlow: Sendable, Equatable, Codable {
    public var date: CalendarDate
    public var amount: Double
    /// What the flow is, for the explanation ("account", "equity on 2026-03-01").
    public var label: String

    public init(date: CalendarDate, amount: Double, label: String = "flow") {
        self.date = date
        self.amount = amount
        self.label = label
    }
}

/// A money-weighted rate of return, or why there is none (never NaN).
public struct IRR: Sendable, Equatable, Codable {
    /// The annual rate, or `nil` when undefined.
    public var rate: Double?
    /// Why ``rate`` is `nil`.
    public var reason: String?
    /// The tree: the equation and every flow.
    public var explanation: Explanation
}

/// XIRR, actual/365, solved to 1e-10 (METHOD §7).
///
/// ```
/// Σ aᵢ · (1 + r)^(−(dᵢ − d₀)/365) = 0
/// ```
/// Solved for `x = ln(1 + r)` by bisection on a bracket wide enough for any finite rate,
/// to machine precision (far below 1e-10 in `r`). With one sign change in the flows the root
/// is unique; with several, the root found is one of them (the bracket is searched from
/// both ends). Undefined — `rate == nil` with a reason — when the flows span less than one
/// day, when they do not change sign, or when the rate is too large to state.
public enum XIRR {
    /// Solves the flows; their order does not matter.
    public static func solve(_ flows: [CashFlow]) throws(ModelError) -> IRR {
        for f in flows { _ = try Validate.finite(f.amount, "cash flow on \(f.date)") }
        let sorted = flows.sorted { $0.date < $1.date }
        let leaves = sorted.map { Explanation.input("\($0.label) \($0.date)", $0.amount, .dollars, source: "flow") }
        func undefined(_ why: String) -> IRR {
            IRR(rate: nil, reason: why, explanation: Explanation(
                "money-weighted IRR", .nan, .percent, rule: "Σ flow · (1 + r)^(−days/365) = 0",
                inputs: leaves, note: "undefined: \(why)"))
        }
        guard !sorted.isEmpty else { return undefined("no flows") }
        guard let first = sorted.first, let last = sorted.last, first.date.days(to: last.date) >= 1 else {
            return undefined("less than 1 day of history")
        }
        guard sorted.contains(where: { $0.amount > 0 }), sorted.contains(where: { $0.amount < 0 }) else {
            return undefined("the flows do not change sign")
        }
        let scale = sorted.map { abs($0.amount) }.max() ?? 1
        let a = sorted.map { $0.amount / scale }
        let t = sorted.map { Double(first.date.days(to: $0.date)) / 365 }
        let span = t.last ?? 1
        func npv(_ x: Double) -> Double {
            var s = 0.0
            for i in a.indices { s += a[i] * exp(-x * t[i]) }
            return s
        }
        var lo = -600 / span, hi = 600 / span
        var flo = npv(lo)
        let fhi = npv(hi)
        guard flo.isFinite, fhi.isFinite, (flo <= 0) != (fhi <= 0) || flo == 0 || fhi == 0 else {
            return undefined("no rate sets the value of the flows to zero")
        }
        for _ in 0..<400 {
            let mid = 0.5 * (lo + hi)
            guard mid > lo, mid < hi else { break }
            let fm = npv(mid)
            if fm == 0 { lo = mid; hi = mid; break }
            if (fm < 0) == (flo < 0) { lo = mid; flo = fm } else { hi = mid }
        }
        let x = 0.5 * (lo + hi)
        let r = expm1(x)
        guard r.isFinite else { return undefined("the rate is too large to state") }
        return IRR(rate: r, reason: nil, explanation: Explanation(
            "money-weighted IRR", r, .percent, rule: "Σ flow · (1 + r)^(−days/365) = 0 (XIRR, actual/365)",
            inputs: leaves))
    }
}
