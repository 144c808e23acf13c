import HedgebookModel
import Testing

/// Bad input gives a typed error; every key figure explains itself.
@Suite("Condor: validation and explanations")
struct CondorValidationTests {
    static func market(_ change: (inout Market) -> Void) -> Market {
        var m = Market()
        change(&m)
        return m
    }

    static func settings(_ change: (inout CondorSettings) -> Void) -> CondorSettings {
        var s = CondorSettings()
        change(&s)
        return s
    }

    @Test("a bad market is refused before anything is computed", arguments: [
        (CondorValidationTests.market { $0.spx = 0 }, ModelError.notPositive(quantity: "SPX level", value: 0)),
        (CondorValidationTests.market { $0.spx = -6000 }, .notPositive(quantity: "SPX level", value: -6000)),
        (CondorValidationTests.market { $0.spx = .nan }, .notFinite(quantity: "SPX level")),
        (CondorValidationTests.market { $0.vix = 0 }, .notPositive(quantity: "VIX level", value: 0)),
        (CondorValidationTests.market { $0.vix = .infinity }, .notFinite(quantity: "VIX level")),
        (CondorValidationTests.market { $0.rate = .nan }, .notFinite(quantity: "rate")),
    ])
    func badMarket(_ market: Market, _ error: ModelError) {
        #expect(throws: error) { _ = try IronCondor.build(market: market, settings: CondorSettings()) }
        #expect(throws: error) {
            _ = try OptionPricer.quote(market: market, underlying: .spx, kind: .put, strike: 5800, dte: 45)
        }
    }

    @Test("bad settings are refused", arguments: [
        (CondorValidationTests.settings { $0.delta = 0 }, ModelError.outOfRange(quantity: "short delta", value: 0, valid: "1 or more and less than 50")),
        (CondorValidationTests.settings { $0.delta = -0.16 }, .outOfRange(quantity: "short delta", value: -16, valid: "1 or more and less than 50")),
        (CondorValidationTests.settings { $0.delta = 0.5 }, .outOfRange(quantity: "short delta", value: 50, valid: "1 or more and less than 50")),
        (CondorValidationTests.settings { $0.delta = .nan }, .notFinite(quantity: "short delta")),
        (CondorValidationTests.settings { $0.width = 0 }, .notPositive(quantity: "wing width", value: 0)),
        (CondorValidationTests.settings { $0.width = -50 }, .notPositive(quantity: "wing width", value: -50)),
        (CondorValidationTests.settings { $0.dte = 0 }, .notPositive(quantity: "DTE", value: 0)),
        (CondorValidationTests.settings { $0.width = 7 }, .outOfRange(quantity: "wing width", value: 7, valid: "a multiple of 5 points on SPX")),
        (CondorValidationTests.settings { $0.underlying = .vix }, .unavailable("iron condors are built on SPX or XSP, not VIX")),
    ])
    func badSettings(_ settings: CondorSettings, _ error: ModelError) {
        #expect(throws: error) { _ = try IronCondor.build(market: Market(), settings: settings) }
    }

    @Test("wings that reach below zero, and a credit that cannot exist, are typed errors")
    func impossibleCondors() {
        #expect {
            _ = try IronCondor.build(market: Market(), settings: Self.settings { $0.width = 6000 })
        } throws: { error in
            if case ModelError.noStrike = error { return true } else { return false }
        }
        // One day out at 1 delta the far legs are worth nothing: the credit is refused or positive, never NaN.
        let tiny = Self.settings { $0.dte = 1; $0.delta = 0.001; $0.width = 5 }
        if let c = try? IronCondor.build(market: Self.market { $0.vix = 9 }, settings: tiny) {
            #expect(c.credit > 0 && c.credit < 500)
        }
    }

    @Test("the price command refuses bad strikes and DTEs", arguments: [
        (0.0, 45, ModelError.notPositive(quantity: "strike", value: 0)),
        (-5, 45, .notPositive(quantity: "strike", value: -5)),
        (.nan, 45, .notFinite(quantity: "strike")),
        (5800, 0, .notPositive(quantity: "DTE", value: 0)),
        (5800, -3, .notPositive(quantity: "DTE", value: -3)),
        (5800, 4000, .outOfRange(quantity: "DTE", value: 4000, valid: "1 to 3650 days")),
    ])
    func badPriceInputs(strike: Double, dte: Int, error: ModelError) {
        for underlying in Underlying.allCases {
            #expect(throws: error) {
                _ = try OptionPricer.quote(market: Market(), underlying: underlying, kind: .call, strike: strike, dte: dte)
            }
        }
    }

    @Test("every key figure carries an explanation whose value is the figure", arguments: IronCondor.Figure.allCases)
    func explanations(_ figure: IronCondor.Figure) throws {
        let c = try IronCondor.build(market: Self.market { $0.skew = -4 }, settings: CondorSettings())
        let e = c.explanation(of: figure)
        let values: [IronCondor.Figure: Double] = [
            .shortPut: c.shortPut, .longPut: c.longPut, .shortCall: c.shortCall, .longCall: c.longCall,
            .credit: c.credit, .maxLoss: c.maxLoss, .lowerBreakEven: c.lowerBreakEven, .upperBreakEven: c.upperBreakEven,
            .probabilityOfProfit: c.probabilityOfProfit, .probabilityOfMaxLoss: c.probabilityOfMaxLoss,
            .touchShortPut: c.touchShortPut, .touchShortCall: c.touchShortCall, .returnOnRisk: c.returnOnRisk,
        ]
        #expect(e.value == values[figure])
        #expect(!e.rule.isEmpty && !e.inputs.isEmpty)
        #expect(e.lines().count > 2)
        #expect(c.explanations[figure] == e)
    }

    @Test("the credit explains itself by its four legs, the short put by its delta")
    func explanationContents() throws {
        let c = try IronCondor.build(market: Market(), settings: CondorSettings())
        let credit = c.explanation(of: .credit)
        #expect(credit.inputs.map(\.value).count == 4)
        #expect(credit.inputs[0].name == "SPX \(Int(c.shortPut)) put (45 DTE)")
        let put = c.explanation(of: .shortPut)
        #expect(put.rule.contains("closest to −δ"))
        #expect(put.inputs.contains { $0.name == "δ (short delta)" && $0.value == 0.16 })
        #expect(put.note?.contains("neighbouring strikes") == true)
        let priced = try OptionPricer.quote(market: Market(), underlying: .spx, kind: .put, strike: 5802, dte: 45)
        #expect(priced.explanation.note == "not a listed strike: SPX lists strikes every 5 points")
    }
}
