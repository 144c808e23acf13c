#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The risk graph's numbers: P&L of the condor plus its hedge layers against SPX, at the
/// condor's expiry and today (T+0), as thinkorswim's Analyze tab draws them.
///
/// ```
/// condor at expiry = n × (credit − 100 × (max(Ksp − S,0) − max(Klp − S,0) + max(S − Ksc,0) − max(S − Klc,0)))
/// condor today     = n × (credit − 100 × model value of the four legs at SPX S, VIX V(S))
/// V(S)             = V × (S / S₀)^β                     (spot–vol rule, β = −5 unless set)
/// VIX future       = F(dte) + (V(S) − V) × e^{−κT}      (a quote moves with the model)
/// layer            = contracts × (100 × Black-76 value − cost); settled at V(S) once expired
/// ```
/// `S` is in SPX points; an XSP condor sees `S / 10`. At expiry means the condor's expiry:
/// a layer still open then is valued with its remaining days.
public struct PayoffProfile: Sendable, Equatable {
    public var spx: [Double]
    public var expiry: [Double]
    public var today: [Double]
    /// SPX levels where the expiry curve crosses zero, short strikes in SPX points, and spot.
    public var breakEvens: [Double]
    public var shortStrikes: [Double]
    public var spot: Double

    public init(
        market: Market, condor: IronCondor, contracts: Int, layers: [HedgeLayer] = [],
        elasticity: Double = -5, range: ClosedRange<Double>, points: Int = 161
    ) {
        let n = max(points, 2)
        spot = market.spx
        let scale = condor.underlying == .xsp ? 10.0 : 1
        shortStrikes = [condor.shortPut * scale, condor.shortCall * scale]
        spx = (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
        var expiry: [Double] = [], today: [Double] = []
        for s in spx {
            let vix = Self.vix(market.vix, spot: market.spx, at: s, elasticity: elasticity)
            expiry.append(Self.condorAtExpiry(condor, spx: s) * Double(contracts)
                + layers.reduce(0) { $0 + Self.layer($1, market: market, vix: vix, daysAhead: condor.dte) })
            today.append(Self.condorToday(condor, market: market, spx: s, vix: vix) * Double(contracts)
                + layers.reduce(0) { $0 + Self.layer($1, market: market, vix: vix, daysAhead: 0) })
        }
        self.expiry = expiry
        self.today = today
        breakEvens = Self.zeroCrossings(spx, expiry)
    }

    /// `V × (S/S₀)^β`, kept within 0.01…1000.
    public static func vix(_ v: Double, spot: Double, at s: Double, elasticity: Double) -> Double {
        min(1000, max(0.01, v * pow(s / spot, elasticity)))
    }

    /// One condor's P&L at expiry with SPX at `spx`.
    public static func condorAtExpiry(_ c: IronCondor, spx: Double) -> Double {
        let s = c.underlying.level(spx: spx)
        let puts = max(c.shortPut - s, 0) - max(c.longPut - s, 0)
        let calls = max(s - c.shortCall, 0) - max(s - c.longCall, 0)
        return c.credit - 100 * (puts + calls)
    }

    /// One condor's P&L today with SPX at `spx` and VIX at `vix` (the model's prices).
    public static func condorToday(_ c: IronCondor, market: Market, spx: Double, vix: Double) -> Double {
        var m = market
        m.spx = spx
        m.vix = vix
        let p = IndexPricing(market: m, underlying: c.underlying, dte: c.dte)
        let value = p.quote(.put, strike: c.shortPut).price - p.quote(.put, strike: c.longPut).price
            + p.quote(.call, strike: c.shortCall).price - p.quote(.call, strike: c.longCall).price
        return c.credit - 100 * value
    }

    /// A layer's P&L `daysAhead` days from now with VIX at `vix`.
    public static func layer(_ l: HedgeLayer, market: Market, vix: Double, daysAhead: Int) -> Double {
        let left = l.dte - daysAhead
        let future = left > 0
            ? market.vixFuture(dte: l.dte) + (vix - market.vix) * exp(-market.vixSpeed * Double(l.dte) / 365) : vix
        let t = Double(max(left, 0)) / 365
        let sigma = market.vixOptionVolatility(dte: max(left, 1))
        func call(_ k: Double) -> Double {
            Black76.price(.call, forward: max(future, 0.01), strike: k, years: t, rate: market.rate, volatility: sigma)
        }
        let value = call(l.longStrike) - (l.shortStrike.map(call) ?? 0)
        return Double(l.contracts) * (100 * value - l.costPerContract)
    }

    /// Where `y` changes sign along `x`, by linear interpolation.
    static func zeroCrossings(_ x: [Double], _ y: [Double]) -> [Double] {
        var out: [Double] = []
        for i in 1..<x.count where (y[i - 1] < 0) != (y[i] < 0) {
            out.append(x[i - 1] + (x[i] - x[i - 1]) * (0 - y[i - 1]) / (y[i] - y[i - 1]))
        }
        return out
    }
}
