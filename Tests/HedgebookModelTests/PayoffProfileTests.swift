import HedgebookModel
import Testing

@Suite("PayoffProfile: the risk graph's numbers")
struct PayoffProfileTests {
    static let condor = try! IronCondor.build(market: Market(), settings: CondorSettings())

    @Test("At expiry the condor is piecewise linear: credit between the shorts, −(100 × width − credit) beyond the wings")
    func expiryFormula() {
        let c = Self.condor
        let credit = c.credit, width = c.shortPut - c.longPut
        // Worked by hand from the payoff of the four legs:
        #expect(abs(PayoffProfile.condorAtExpiry(c, spx: (c.shortPut + c.shortCall) / 2) - credit) < 1e-9)
        #expect(abs(PayoffProfile.condorAtExpiry(c, spx: c.longPut - 100) - (credit - 100 * width)) < 1e-9)
        #expect(abs(PayoffProfile.condorAtExpiry(c, spx: c.longCall + 100) - (credit - 100 * width)) < 1e-9)
        // 10 points inside the short put: the short put is worth 10, the long put nothing.
        #expect(abs(PayoffProfile.condorAtExpiry(c, spx: c.shortPut - 10) - (credit - 1_000)) < 1e-9)
        #expect(abs(PayoffProfile.condorAtExpiry(c, spx: c.shortCall + 10) - (credit - 1_000)) < 1e-9)
    }

    @Test("Break-evens of the condor alone are the short strikes ∓ credit/100; today at spot is zero")
    func breakEvensAndToday() {
        let c = Self.condor
        let p = PayoffProfile(market: Market(), condor: c, contracts: 3, range: 5400...6600, points: 1201)
        #expect(p.breakEvens.count == 2)
        #expect(abs(p.breakEvens[0] - c.lowerBreakEven) < 1e-6 && abs(p.breakEvens[1] - c.upperBreakEven) < 1e-6)
        let i = p.spx.firstIndex { abs($0 - 6000) < 1e-9 }!
        #expect(abs(p.today[i]) < 1e-6)
        #expect(abs((p.expiry.max() ?? 0) - 3 * c.credit) < 1e-6)
    }

    @Test("The spot–vol rule: VIX × (S/S₀)^β, unchanged at spot, up when SPX falls")
    func spotVol() {
        #expect(PayoffProfile.vix(18, spot: 6000, at: 6000, elasticity: -5) == 18)
        // 18 × 0.9^−5 = 18 / 0.59049 = 30.4831…
        #expect(abs(PayoffProfile.vix(18, spot: 6000, at: 5400, elasticity: -5) - 18 / 0.59049) < 1e-9)
    }
}
