import HedgebookModel

/// How the shell prints numbers for people.
enum Fmt {
    /// Money with separators and cents: `$1,800.00`.
    static func money(_ x: Double) -> String { ModelFormat.dollars(x) }
    /// Money with separators, whole dollars: `$1,800`.
    static func money0(_ x: Double) -> String { ModelFormat.dollars(x, decimals: 0) }
    /// A signed P&L: `+$320.00`, `-$900.00`.
    static func pnl(_ x: Double) -> String { ModelFormat.signedDollars(x) }
    /// A fraction as a percentage: `0.016` → `1.6%`.
    static func percent(_ x: Double, decimals: Int = 2) -> String { ModelFormat.percent(x, decimals: decimals) }
    /// An annual rate such as an IRR: a percentage, or "over 1,000,000%" when a short history
    /// annualises a gain past any sensible figure (never an exponent); "undefined" when `nil`.
    static func rate(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "undefined" }
        if x > 10_000 { return "over 1,000,000%" }
        return percent(x)
    }
    /// A percentage with exactly one decimal: `68.2%`.
    static func percent1(_ x: Double) -> String { ModelFormat.fixed(x * 100, decimals: 1) + "%" }
    /// An index level or strike: `6000`, `19.52`.
    static func level(_ x: Double) -> String { ModelFormat.plain(x, decimals: 2) }
    /// A plain number with up to `decimals` decimals.
    static func plain(_ x: Double, decimals: Int = 4) -> String { ModelFormat.plain(x, decimals: decimals) }
    /// Exactly `decimals` decimals.
    static func fixed(_ x: Double, _ decimals: Int) -> String { ModelFormat.fixed(x, decimals: decimals) }
    /// A delta as traders say it: `0.16` → `16`.
    static func delta(_ x: Double) -> String { ModelFormat.plain(x * 100, decimals: 2) }
}
