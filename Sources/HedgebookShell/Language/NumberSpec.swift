/// What a numeric argument means, and so which written forms it accepts.
struct NumberSpec: Sendable {
    enum Unit: Sendable {
        /// A bare number: an index level, points, a multiplier, days.
        case plain
        /// Dollars: `$`, thousands separators and `k`/`m` suffixes are welcome.
        case money
        /// Must be written with `%`; the value is the fraction (`1.5%` → 0.015).
        case percent
        /// A delta as traders say it: `16` → 0.16; below 1 it is already a fraction; `16%` → 0.16.
        case delta
    }

    enum Sign: Sendable {
        case positive, nonNegative, any
    }

    /// The quantity's name in messages: "base risk", "SPX level".
    var what: String
    var unit: Unit
    var sign: Sign
    /// Whole numbers only (days, steps).
    var integer = false

    /// The largest whole number accepted, so that it always fits an `Int`.
    static let integerLimit = 1_000_000.0
    /// The largest dollar amount accepted: a trillion dollars. Every sum the model forms from
    /// such amounts stays well inside exact cents (2^53 cents is $90 trillion).
    static let moneyLimit = 1_000_000_000_000.0
    /// The largest other number accepted (an index level, a multiplier, points).
    static let plainLimit = 1_000_000_000.0

    /// Gives the literal its meaning, or says why it cannot have one.
    func value(of literal: NumberLiteral, text: String) throws(Refusal) -> Double {
        func problem(_ p: NumberProblem) -> Refusal { Refusal(reason: .invalidNumber(what: what, given: text, problem: p)) }
        if literal.dollar && unit != .money { throw problem(.dollarNotExpected) }
        if literal.deltaMark && unit != .delta { throw problem(.unexpectedCharacter("Δ")) }
        if literal.suffix != nil && unit != .money { throw problem(.suffixNotExpected) }
        if literal.percent && unit != .percent && unit != .delta { throw problem(.percentNotExpected) }
        if unit == .percent && !literal.percent { throw Refusal(reason: .expectedPercent(what: what, given: text)) }
        if literal.negative && sign == .positive { throw problem(.mustBePositive) }
        if literal.negative && sign == .nonNegative { throw problem(.mustNotBeNegative) }
        if integer && literal.hasFraction { throw problem(.notWhole) }
        guard var magnitude = literal.magnitude(shift: literal.percent ? -2 : 0) else { throw problem(.tooLarge) }
        if unit == .delta && !literal.percent && magnitude >= 1 {
            guard let shifted = literal.magnitude(shift: -2) else { throw problem(.tooLarge) }
            magnitude = shifted
        }
        if integer && magnitude > NumberSpec.integerLimit { throw problem(.tooLarge) }
        if unit == .money && magnitude > NumberSpec.moneyLimit { throw problem(.beyondLimit("$1,000,000,000,000")) }
        if unit != .money && magnitude > NumberSpec.plainLimit { throw problem(.beyondLimit("1,000,000,000")) }
        if sign == .positive && magnitude == 0 { throw problem(.mustBePositive) }
        return literal.negative && magnitude != 0 ? -magnitude : magnitude
    }

    /// Why a well-formed literal cannot be this quantity.
    struct Refusal: Error {
        var reason: ParseError.Reason
    }

    /// How the quantity is written, for help text: "a percentage such as 1.5%".
    var form: String {
        switch unit {
        case .percent: return "a percentage such as 1.5%"
        case .delta: return "a delta: 16 means 0.16"
        case .money: return "dollars: 100000, 100,000, $100k or 1.5m"
        case .plain:
            if integer { return sign == .any ? "a whole number" : "a whole number, 1 or more" }
            switch sign {
            case .positive: return "a positive number"
            case .nonNegative: return "a number, 0 or more"
            case .any: return "a number, negative allowed"
            }
        }
    }
}
