/// The explanation trees of prices and their inputs: what `why` prints under a price.
extension OptionPricer {
    /// A BSM price: the formula, `S`, `K`, `T`, `r`, `q` and `σ(K)`.
    public static func explainIndexPrice(
        _ kind: OptionKind, strike: Double, price: Double, pricing: IndexPricing
    ) -> Explanation {
        let rule = kind == .call
            ? "BSM call = S e^{−qT} N(d1) − K e^{−rT} N(d2)"
            : "BSM put = K e^{−rT} N(−d2) − S e^{−qT} N(−d1)"
        return Explanation(
            "\(pricing.underlying.ticker) \(ModelFormat.plain(strike)) \(kind.rawValue) (\(pricing.dte) DTE)",
            price, .points, rule: rule,
            inputs: [
                explainLevel(pricing.underlying, market: pricing.market),
                .input("K (strike)", strike, .points),
                explainYears(dte: pricing.dte),
                explainRate(pricing.market),
                .input("q (dividend yield)", pricing.market.dividendYield, .percent, source: "setting"),
                explainVolatility(strike: strike, pricing: pricing),
            ],
            note: listingNote(pricing.underlying, strike: strike))
    }

    /// A Black-76 VIX option price: the formula, `F(DTE)`, `K`, `T`, `r` and `σ_v(DTE)`.
    public static func explainVixPrice(
        _ kind: OptionKind, strike: Double, price: Double, market: Market, dte: Int
    ) -> Explanation {
        let rule = kind == .call
            ? "Black-76 call = e^{−rT} (F N(d1) − K N(d2))"
            : "Black-76 put = e^{−rT} (K N(−d2) − F N(−d1))"
        return Explanation(
            "VIX \(ModelFormat.plain(strike)) \(kind.rawValue) (\(dte) DTE)", price, .points, rule: rule,
            inputs: [
                market.explainVixFuture(dte: dte),
                .input("K (strike)", strike, .points),
                explainYears(dte: dte),
                explainRate(market),
                Explanation(
                    "σ_v (VIX option volatility)", market.vixOptionVolatility(dte: dte), .volatility,
                    rule: "(W/100)·(30/DTE)^0.35",
                    inputs: [.input("W (VVIX)", market.vvix, .index), .input("DTE", Double(dte), .days)]),
            ],
            note: listingNote(.vix, strike: strike))
    }

    /// `S`: the SPX level, or XSP = SPX / 10.
    public static func explainLevel(_ underlying: Underlying, market: Market) -> Explanation {
        let spx = Explanation.input("S (SPX level)", market.spx, .index)
        switch underlying {
        case .spx: return spx
        case .xsp: return Explanation("S (XSP level)", market.spx / 10, .index, rule: "SPX / 10", inputs: [spx])
        case .vix: return .input("V (VIX)", market.vix, .index)
        }
    }

    /// `T = DTE / 365`.
    public static func explainYears(dte: Int) -> Explanation {
        Explanation("T", Double(dte) / 365, .years, rule: "DTE / 365", inputs: [.input("DTE", Double(dte), .days)])
    }

    /// The risk-free rate `r`.
    public static func explainRate(_ market: Market) -> Explanation {
        .input("r (risk-free rate)", market.rate, .percent, source: "setting")
    }

    /// `σ_atm = V / 100`.
    public static func explainAtmVolatility(_ market: Market) -> Explanation {
        Explanation("σ_atm", market.atmVolatility, .volatility, rule: "VIX / 100",
                    inputs: [.input("V (VIX)", market.vix, .index)])
    }

    /// `σ(K)` from the skew rule, with the forward it uses.
    public static func explainVolatility(strike: Double, pricing: IndexPricing) -> Explanation {
        let market = pricing.market
        return Explanation(
            "σ(K) at \(ModelFormat.plain(strike))", pricing.volatility(strike: strike), .volatility,
            rule: "max(0.01, σ_atm + (k/100)·(−ln(K/F)/0.10))",
            inputs: [
                explainAtmVolatility(market),
                .input("k (skew, vol points per 10% moneyness)", market.skew, .points, source: "setting"),
                Explanation(
                    "F (forward)", pricing.forward, .index, rule: "S·e^{(r−q)T}",
                    inputs: [explainLevel(pricing.underlying, market: market), explainYears(dte: pricing.dte)]),
            ])
    }
}
