/// The written form of a number before it is given a meaning: `-$1,200.50`, `1.5m`, `1.5%`.
///
/// Grammar (no exponents, no underscores, commas only between groups of three digits):
///
/// ```
/// literal := ('-' | '+')? '$'? digits ('.' [0-9]+)? ('k' | 'm')? '%'?
/// digits  := [0-9]+ | [0-9]{1,3} (',' [0-9]{3})+
/// ```
struct NumberLiteral: Equatable, Sendable {
    var negative = false
    var dollar = false
    var integerDigits = ""
    /// The digits after the decimal point; `nil` when there is no point.
    var fractionDigits: String?
    /// `k` (thousands) or `m` (millions), lower-cased.
    var suffix: Character?
    var percent = false
    /// Written with `Δ` (`16Δ`): a delta.
    var deltaMark = false

    /// The longest literal read; longer words are refused before any arithmetic.
    static let maximumLength = 40

    /// Why a word is not a number, with the offset of the offending character when there is one.
    struct Failure: Error, Equatable {
        var problem: NumberProblem
        var offset: Int?
    }

    /// Reads `text` in one pass.
    static func read(_ text: String) throws(Failure) -> NumberLiteral {
        let chars = Array(text.prefix(maximumLength + 1))
        // U+2212, the minus sign hedgebook prints (`−8%`), reads as `-`.
        guard let first = chars.first, isDigit(first) || "-+$.\u{2212}".contains(first) else {
            throw Failure(problem: .notANumber, offset: nil)
        }
        guard chars.count <= maximumLength else { throw Failure(problem: .tooLong, offset: nil) }
        var literal = NumberLiteral()
        var i = 0
        if chars[i] == "-" || chars[i] == "+" || chars[i] == "\u{2212}" { literal.negative = chars[i] != "+"; i += 1 }
        if i < chars.count, chars[i] == "$" { literal.dollar = true; i += 1 }
        var groups: [Int] = []
        var current = 0
        while i < chars.count {
            if isDigit(chars[i]) {
                literal.integerDigits.append(chars[i])
                current += 1
            } else if chars[i] == ",", current > 0 {
                groups.append(current)
                current = 0
            } else {
                break
            }
            i += 1
        }
        if !groups.isEmpty {
            groups.append(current)
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else {
                throw Failure(problem: .badGrouping, offset: nil)
            }
        }
        if i < chars.count, chars[i] == "." {
            i += 1
            var fraction = ""
            while i < chars.count, isDigit(chars[i]) { fraction.append(chars[i]); i += 1 }
            guard !fraction.isEmpty else { throw Failure(problem: .missingDigits, offset: i - 1) }
            literal.fractionDigits = fraction
        }
        guard !literal.integerDigits.isEmpty || literal.fractionDigits != nil else {
            throw Failure(problem: .notANumber, offset: nil)
        }
        if i < chars.count, "kKmM".contains(chars[i]) {
            literal.suffix = Character(chars[i].lowercased())
            i += 1
        }
        if i < chars.count, chars[i] == "%" { literal.percent = true; i += 1 }
        // `16Δ`, as the condor's header writes a delta.
        if i < chars.count, chars[i] == "Δ", !literal.percent, literal.suffix == nil { literal.deltaMark = true; i += 1 }
        if i < chars.count {
            let c = chars[i]
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            if (c == "e" || c == "E") && (isDigit(next) || next == "-" || next == "+") {
                throw Failure(problem: .exponent, offset: i)
            }
            if c == "_" { throw Failure(problem: .underscore, offset: i) }
            if c == "," { throw Failure(problem: .badGrouping, offset: i) }
            throw Failure(problem: .unexpectedCharacter(c), offset: i)
        }
        return literal
    }

    /// The magnitude times `10^shift`, rounded once from the decimal text; `nil` when not finite.
    func magnitude(shift: Int) -> Double? {
        var exponent = shift
        if suffix == "k" { exponent += 3 }
        if suffix == "m" { exponent += 6 }
        let whole = integerDigits.isEmpty ? "0" : integerDigits
        let value = Double(whole + "." + (fractionDigits ?? "0") + "e" + String(exponent))
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// True when the literal has a non-zero fractional part.
    var hasFraction: Bool { fractionDigits?.contains { $0 != "0" } ?? false }

    private static func isDigit(_ c: Character) -> Bool {
        let utf8 = c.utf8
        return utf8.count == 1 && (0x30...0x39).contains(utf8.first!)
    }
}
