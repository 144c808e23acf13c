/// What kind of number a quantity is, so it can be printed the way a trader reads it.
public enum QuantityUnit: String, Sendable, Equatable, Codable {
    case dollars, contracts, percent, points, ratio, count, days, index, years, volatility, probability
}

/// The rule and inputs that produced one number: the model's answer to "why?".
///
/// Explanations form a tree: each input is itself an explained quantity, down to the leaves,
/// which are user inputs or settings (``rule`` says which). The shell's `why` prints the tree.
///
/// ```
/// contracts = 1 — floor(risk budget / risk per contract)
///   risk budget = $1,000.00 — base% × equity at cycle start
///   risk per contract = $391.50 — stop 90% × credit
/// ```
public struct Explanation: Sendable, Equatable, Codable {
    /// The quantity's name, as the tool prints it ("risk budget").
    public var name: String
    /// Its value, in ``unit`` (percent and probability are stored as fractions).
    public var value: Double
    /// How to print ``value``.
    public var unit: QuantityUnit
    /// The rule that computed it, as a formula or sentence ("base% × equity at cycle start").
    public var rule: String
    /// The explained inputs the rule used.
    public var inputs: [Explanation]
    /// A finding worth saying beside the number ("the 10% cap binds: this is the steward's rule").
    public var note: String?

    public init(
        _ name: String, _ value: Double, _ unit: QuantityUnit, rule: String,
        inputs: [Explanation] = [], note: String? = nil
    ) {
        self.name = name
        self.value = value
        self.unit = unit
        self.rule = rule
        self.inputs = inputs
        self.note = note
    }

    /// A leaf: a user input or a setting.
    public static func input(_ name: String, _ value: Double, _ unit: QuantityUnit, source: String = "input") -> Explanation {
        Explanation(name, value, unit, rule: source)
    }

    /// The value printed in its unit: `$1,800.00`, `16.0%`, `3 contracts`; a figure the rules
    /// cannot give (a win rate before any trade, an IRR without a sign change) is `NaN` inside and
    /// prints "undefined", never 0.
    public var formattedValue: String {
        guard value.isFinite else { return "undefined" }
        switch unit {
        case .dollars: return ModelFormat.dollars(value)
        case .percent, .probability: return ModelFormat.percent(value)
        case .contracts: return ModelFormat.plain(value, decimals: 0) + (value == 1 ? " contract" : " contracts")
        case .days: return ModelFormat.plain(value, decimals: 0) + " days"
        case .volatility: return ModelFormat.plain(value * 100, decimals: 2) + " vol"
        case .points, .index: return ModelFormat.plain(value, decimals: 2)
        case .ratio: return ModelFormat.plain(value, decimals: 4)
        case .count: return ModelFormat.plain(value, decimals: 0)
        case .years: return ModelFormat.plain(value, decimals: 6) + " y"
        }
    }

    /// The tree as indented lines, two spaces per level.
    public func lines(indent: Int = 0) -> [String] {
        let pad = String(repeating: "  ", count: indent)
        var head = "\(pad)\(name) = \(formattedValue) — \(rule)"
        if let note { head += " (\(note))" }
        return [head] + inputs.flatMap { $0.lines(indent: indent + 1) }
    }
}
