/// Why the model refused an input: typed, so the shell can render it and tests can match it.
///
/// Every case carries the name of the quantity a trader would recognise ("SPX level",
/// "short delta") so that ``message`` reads as advice, not as a stack trace.
public enum ModelError: Error, Equatable, Sendable {
    /// A number that is NaN or infinite.
    case notFinite(quantity: String)
    /// A quantity that must be strictly positive.
    case notPositive(quantity: String, value: Double)
    /// A quantity that must be zero or more.
    case negative(quantity: String, value: Double)
    /// A quantity outside the range the method allows; `valid` says what would be accepted.
    case outOfRange(quantity: String, value: Double, valid: String)
    /// An option price outside its no-arbitrage bounds, so no volatility can produce it.
    case priceOutsideBounds(price: Double, lower: Double, upper: Double)
    /// No listed strike satisfies a search (for example, no strike below spot).
    case noStrike(String)
    /// A request that the current state cannot answer (for example, no account yet).
    case unavailable(String)

    /// A sentence a trader understands.
    public var message: String {
        switch self {
        case .notFinite(let q):
            return "\(q) must be a finite number"
        case .notPositive(let q, let v):
            return "\(q) must be greater than zero (got \(ModelFormat.plain(v)))"
        case .negative(let q, let v):
            return "\(q) cannot be negative (got \(ModelFormat.plain(v)))"
        case .outOfRange(let q, let v, let valid):
            return "\(q) \(ModelFormat.plain(v)) is out of range: \(valid)"
        case .priceOutsideBounds(let p, let lo, let hi):
            return "price \(ModelFormat.plain(p)) is outside the no-arbitrage bounds "
                + "[\(ModelFormat.plain(lo)), \(ModelFormat.plain(hi))]: no volatility gives it"
        case .noStrike(let why):
            return why
        case .unavailable(let why):
            return why
        }
    }
}

/// Checks shared by every entry point of the model.
public enum Validate {
    /// Returns `x` if it is finite and strictly positive.
    @inlinable
    public static func positive(_ x: Double, _ quantity: String) throws(ModelError) -> Double {
        guard x.isFinite else { throw .notFinite(quantity: quantity) }
        guard x > 0 else { throw .notPositive(quantity: quantity, value: x) }
        return x
    }

    /// Returns `x` if it is finite and zero or more.
    @inlinable
    public static func nonNegative(_ x: Double, _ quantity: String) throws(ModelError) -> Double {
        guard x.isFinite else { throw .notFinite(quantity: quantity) }
        guard x >= 0 else { throw .negative(quantity: quantity, value: x) }
        return x
    }

    /// Returns `x` if it is finite.
    @inlinable
    public static func finite(_ x: Double, _ quantity: String) throws(ModelError) -> Double {
        guard x.isFinite else { throw .notFinite(quantity: quantity) }
        return x
    }

    /// Returns `x` if it is finite and inside `range`.
    @inlinable
    public static func inRange(
        _ x: Double, _ range: ClosedRange<Double>, _ quantity: String, valid: String
    ) throws(ModelError) -> Double {
        guard x.isFinite else { throw .notFinite(quantity: quantity) }
        guard range.contains(x) else { throw .outOfRange(quantity: quantity, value: x, valid: valid) }
        return x
    }
}
