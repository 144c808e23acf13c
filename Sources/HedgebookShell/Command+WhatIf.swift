import HedgebookModel

/// `shock spx -8% vix 35 in 5d`: a what-if on the open positions that changes nothing.
public struct ShockRequest: Equatable, Sendable {
    /// SPX move as a fraction; `nil` leaves SPX where it is.
    public var spxMove: Double?
    /// VIX level after the move; `nil` derives it from the SPX move with the spot–vol rule.
    public var vix: Double?
    /// Calendar days from the session date.
    public var days: Int
    /// 0-based indexes of the SPX and VIX values among the arguments, for located errors.
    public var spxArgument = 0, vixArgument = 0

    public init(spxMove: Double? = nil, vix: Double? = nil, days: Int = 0) {
        self.spxMove = spxMove
        self.vix = vix
        self.days = days
    }
}

/// `FROM..TO step X` as typed (values in model units), or one value when `step` is `nil`.
public struct ValueRange: Equatable, Sendable {
    public var from: Double
    public var to: Double
    public var step: Double?
    /// 0-based index of the range's token among the command's arguments, for located errors.
    public var argument: Int

    public init(from: Double, to: Double, step: Double?, argument: Int) {
        self.from = from
        self.to = to
        self.step = step
        self.argument = argument
    }

    /// The most values a range may hold.
    public static let maximumCount = 1_000

    /// `from, from + step, …` up to `to` (inclusive, with rounding tolerance); each value is
    /// rounded to 9 significant digits below the step, so `-10% + 1 × 2%` is exactly `-8%`.
    public var values: [Double] {
        guard let step, step > 0, to > from else { return [from] }
        let count = Int(((to - from) / step * (1 + 1e-12)).rounded(.down)) + 1
        guard count <= Self.maximumCount else { return [] }
        let exponent = 9 - Int((step.magnitude.log10Floor))
        let q = ValueRange.powerOfTen(max(0, min(22, exponent)))
        return (0..<count).map { i in ((from + Double(i) * step) * q).rounded() / q }
    }

    /// How many values the range would hold (possibly more than ``maximumCount``).
    public var count: Int {
        guard let step, step > 0, to > from else { return 1 }
        let n = ((to - from) / step * (1 + 1e-12)).rounded(.down) + 1
        return n > Double(Int.max / 2) ? Int.max / 2 : Int(n)
    }

    static func powerOfTen(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<n { x *= 10 }
        return x
    }
}

extension Double {
    /// `floor(log10(self))` for a positive number, by repeated division (no Foundation).
    var log10Floor: Int {
        var x = self, e = 0
        guard x > 0, x.isFinite else { return 0 }
        while x >= 10 { x /= 10; e += 1 }
        while x < 1 { x *= 10; e -= 1 }
        return e
    }
}

/// `grid spx -10%..10% step 2% vix 15..45 step 5 in 5d`: net P&L over SPX moves × VIX levels.
public struct GridRequest: Equatable, Sendable {
    /// SPX moves as fractions (rows).
    public var spx: ValueRange
    /// VIX levels (columns).
    public var vix: ValueRange
    public var days: Int
    /// `at 2026-02-01`: the date instead of `days` (resolved against the session's date).
    public var date: CalendarDate?
    /// 0-based index of the `at` value among the arguments.
    public var dateArgument = 0

    public init(spx: ValueRange, vix: ValueRange, days: Int = 0) {
        self.spx = spx
        self.vix = vix
        self.days = days
    }
}

/// `sweep account 50k..200k step 25k layers`: one command re-run across a setting's values.
public struct SweepRequest: Equatable, Sendable {
    /// `account` or a `set` setting's name.
    public var setting: String
    /// The setting's values, in the setting's own units (fractions for percentages).
    public var range: ValueRange
    /// The command re-run at each value, and its source text.
    public var command: Command
    public var input: String
    /// 0-based index of the inner command's name among the sweep's arguments.
    public var commandArgument: Int

    public init(setting: String, range: ValueRange, command: Command, input: String, commandArgument: Int) {
        self.setting = setting
        self.range = range
        self.command = command
        self.input = input
        self.commandArgument = commandArgument
    }
}
