#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The simulated market of METHOD §10: one trading day a step, Monday to Friday, no holidays.
///
/// ```
/// Δ    = calendar days the step spans ÷ 365            (Monday's step spans the weekend: 3/365)
/// x'   = x + κ_v (ln θ_v − x) Δ + η √Δ Z₁              x = ln VIX, η = VVIX / 100
/// ln S' = ln S + (μ − σ²/2) Δ + σ √Δ Z₂                σ = vrp × VIX / 100, VIX at the step's start
/// corr(Z₁, Z₂) = ρ
/// with probability λΔ, after the diffusion: S × (1 + jump size), VIX × jump VIX
/// ```
/// Normals come in pairs by Box–Muller from one ``Xoshiro256StarStar`` stream per path, keyed by
/// the seed and the path's index, so a path is the same whichever thread plays it.
public struct SimulatedMarket: Sendable {
    public let settings: PathMarketSettings
    /// The first day: the session's date, SPX and VIX.
    public let start: PathDay
    /// VVIX, which sets η.
    public let vvix: Double

    public init(settings: PathMarketSettings, start: PathDay, vvix: Double) throws(ModelError) {
        try settings.validate()
        _ = try Validate.positive(start.spx, "SPX level")
        _ = try Validate.positive(start.vix, "VIX level")
        _ = try Validate.positive(vvix, "VVIX level")
        self.settings = settings
        self.start = start
        self.vvix = vvix
    }

    /// The days of path `index` for `seed`, one at a time.
    public func path(seed: UInt64, index: Int) -> SimulatedPath {
        SimulatedPath(self, rng: Xoshiro256StarStar(seed: seed, stream: UInt64(index)))
    }

    /// Trading days in `years` calendar years from the start: 261 a year, as weekdays fall.
    public func days(years: Int) -> Int {
        let end = start.date.adding(days: 365 * years)
        var n = 1
        var d = start.date
        while true {
            d = SimulatedPath.nextWeekday(after: d)
            if d > end { return n }
            n += 1
        }
    }
}

/// One simulated path, day after day.
public struct SimulatedPath: Sendable {
    var rng: Xoshiro256StarStar
    var x: Double
    var logS: Double
    var date: CalendarDate
    /// `date` as days since 1970-01-01, and its weekday (0 = Sunday).
    var serial: Int
    var weekday: Int
    var started = false
    let start: PathDay
    let kappa, logTheta, eta, rho, rhoBar, mu, vrp, lambda, jumpS, jumpX: Double

    init(_ m: SimulatedMarket, rng: Xoshiro256StarStar) {
        self.rng = rng
        start = PathDay(date: m.start.date, spx: m.start.spx, vix: m.start.vix)
        let s = m.settings
        x = log(m.start.vix)
        logS = log(m.start.spx)
        date = m.start.date
        serial = m.start.date.serial
        weekday = m.start.date.weekday
        kappa = s.kappaV
        logTheta = log(s.thetaV)
        eta = m.vvix / 100
        rho = s.rho
        rhoBar = (1 - s.rho * s.rho).squareRoot()
        mu = s.mu
        vrp = s.vrp
        lambda = s.jumps
        jumpS = log(1 + s.jumpSize)
        jumpX = log(s.jumpVix)
    }

    /// The weekday after `d` (Friday → Monday).
    static func nextWeekday(after d: CalendarDate) -> CalendarDate {
        switch d.weekday {
        case 5: return d.adding(days: 3)
        case 6: return d.adding(days: 2)
        default: return d.adding(days: 1)
        }
    }

    /// The next day of the path (the first call gives the start, exactly).
    public mutating func next() -> PathDay {
        guard started else { started = true; return start }
        step()
        return PathDay(date: date, spx: exp(logS), vix: exp(x))
    }

    mutating func step() {
        let gap = weekday == 5 ? 3 : (weekday == 6 ? 2 : 1)
        serial += gap
        weekday = (weekday + gap) % 7
        date = CalendarDate(serial: serial)
        let dt = Double(gap) / 365
        // Box–Muller: u1 in (0, 1], two independent normals.
        let u1 = 1 - rng.nextUnit()
        let u2 = rng.nextUnit()
        let r = (-2 * log(u1)).squareRoot()
        let a = 2 * Double.pi * u2
        let z1 = r * cos(a)
        let z2 = rho * z1 + rhoBar * r * sin(a)
        let sigma = vrp * exp(x) / 100
        let sq = dt.squareRoot()
        x += kappa * (logTheta - x) * dt + eta * sq * z1
        logS += (mu - 0.5 * sigma * sigma) * dt + sigma * sq * z2
        let u3 = rng.nextUnit()
        if u3 < lambda * dt {
            logS += jumpS
            x += jumpX
        }
    }
}
