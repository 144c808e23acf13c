import HedgebookModel

extension Evaluator {
    /// The condor the settings select, sized at the current step when an account is set.
    struct SizedCondor {
        var condor: IronCondor
        var sizing: SizingResult?
    }

    static func buildCondor(_ state: SessionState) throws(CommandFailure) -> SizedCondor {
        let condor: IronCondor
        do { condor = try IronCondor.build(market: state.market, settings: listedCondor(state).settings, fills: state.trade) } catch {
            throw .command(error.message)
        }
        guard state.account.hasAccount else { return SizedCondor(condor: condor, sizing: nil) }
        do {
            let sizing = try state.account.size(credit: condor.credit, maxLoss: condor.maxLoss, settings: state.sizing)
            return SizedCondor(condor: condor, sizing: sizing)
        } catch {
            throw .command(error.message)
        }
    }

    /// `condor`: strikes, credit, risk, probabilities, greeks, and the size at the current step.
    static func condorReport(_ state: SessionState) throws(CommandFailure) -> Report {
        let sized = try buildCondor(state)
        let c = sized.condor
        let u = c.underlying
        let expiry = listedCondor(state).expiry
        var text = "\(u.ticker) iron condor · \(c.dte) DTE (\(expiry)) · \(Fmt.delta(c.delta))Δ shorts"
            + " · \(Fmt.level(c.width))-point wings · \(u.ticker) \(Fmt.level(c.spot))\n"
        let legs: [(String, Double, OptionQuote)] = [
            ("long put", c.longPut, c.longPutQuote), ("short put", c.shortPut, c.shortPutQuote),
            ("short call", c.shortCall, c.shortCallQuote), ("long call", c.longCall, c.longCallQuote),
        ]
        let table = Table(
            header: ["leg", "strike", "price", "delta", "iv"],
            rows: legs.map { name, strike, q in
                [name, Fmt.level(strike), Fmt.fixed(q.price, 2), Fmt.fixed(q.delta, 3), Fmt.percent(q.volatility)]
            })
        text += table.render() + "\n"
        if c.deltaMissed {
            let sides = [c.putDeltaMissed ? "short put \(Fmt.level(c.shortPut)) (the lowest listed strike, delta \(Fmt.fixed(c.shortPutQuote.delta, 3)))" : nil,
                         c.callDeltaMissed ? "short call \(Fmt.level(c.shortCall)) (the last listed strike, 3 × spot, delta \(Fmt.fixed(c.shortCallQuote.delta, 3)))" : nil]
                .compactMap { $0 }
            text += "note: the delta search stopped at the end of the listed strikes and missed \(Fmt.delta(c.delta))Δ: "
                + sides.joined(separator: "; ") + "\n"
        }
        var pairs: [(String, String)] = [
            ("credit / contract", Fmt.money(c.credit) + " as filled (model \(Fmt.money(c.modelCredit)); slippage "
                + "\(Fmt.plain(c.slippage, decimals: 3)) a leg, fees \(Fmt.money(c.openingFees)))"),
            ("max loss / contract", Fmt.money(c.maxLoss)),
            ("break-evens", "\(Fmt.fixed(c.lowerBreakEven, 2)) – \(Fmt.fixed(c.upperBreakEven, 2))"),
            ("return on risk", Fmt.percent(c.returnOnRisk)),
            ("P(profit) at expiry", Fmt.percent1(c.probabilityOfProfit)),
            ("P(max loss) at expiry", Fmt.percent1(c.probabilityOfMaxLoss)),
            ("P(touch short put)", Fmt.percent1(c.touchShortPut)),
            ("P(touch short call)", Fmt.percent1(c.touchShortCall)),
            ("greeks / contract", "Δ \(Fmt.fixed(c.greeks.delta, 2))  Γ \(Fmt.fixed(c.greeks.gamma, 4))"
                + "  vega \(Fmt.fixed(c.greeks.vega, 2))  θ \(Fmt.fixed(c.greeks.theta, 2))/day"),
        ]
        var json: [(String, JSONValue)] = [
            ("underlying", .string(u.rawValue)), ("dte", .int(c.dte)), ("expiry", .string(expiry.description)),
            ("shortPut", .num(c.shortPut)), ("longPut", .num(c.longPut)),
            ("shortCall", .num(c.shortCall)), ("longCall", .num(c.longCall)),
            ("credit", .num(c.credit)), ("modelCredit", .num(c.modelCredit)), ("openingFees", .num(c.openingFees)),
            ("maxLoss", .num(c.maxLoss)),
            ("breakevens", .array([.num(c.lowerBreakEven), .num(c.upperBreakEven)])),
            ("pop", .num(c.probabilityOfProfit)), ("pMaxLoss", .num(c.probabilityOfMaxLoss)),
            ("pTouchPut", .num(c.touchShortPut)), ("pTouchCall", .num(c.touchShortCall)),
            ("returnOnRisk", .num(c.returnOnRisk)), ("deltaMissed", .bool(c.deltaMissed)),
            ("greeks", .object([("delta", .num(c.greeks.delta)), ("gamma", .num(c.greeks.gamma)),
                                ("vega", .num(c.greeks.vega)), ("theta", .num(c.greeks.theta))])),
        ]
        if let s = sized.sizing {
            let a = state.account
            pairs.append(("step", "\(a.step) of \(state.sizing.steps) (cycle \(a.cycle))"))
            pairs.append(("risk budget", Fmt.money(s.budget.amount)
                + " (buys \(s.budgetContracts) at \(Fmt.money(s.riskPerContract)) risk each)"))
            pairs.append(("risk / contract", Fmt.money(s.riskPerContract)
                + (s.stop.map { " (stop \(Fmt.percent($0, decimals: 0)) × credit)" } ?? " (no stop: max loss)")))
            pairs.append(("cap at risk", Fmt.money(s.budget.capAmount)
                + " (\(Fmt.percent(state.sizing.cap)) × equity: holds \(s.capContracts) at \(Fmt.money(c.maxLoss)) max loss each)"))
            pairs.append(("contracts", String(s.contracts)
                + (s.capBinds ? " (the cap binds: the budget alone would buy \(s.budgetContracts))" : "")))
            pairs.append(("worst case", "\(Fmt.money(s.totalRisk)) at the stop · \(Fmt.money(s.totalGapRisk)) at max loss (a gap)"))
            json += [
                ("riskPerContract", .num(s.riskPerContract)), ("riskBudget", .num(s.budget.amount)),
                ("contracts", .int(s.contracts)), ("step", .int(a.step)), ("gapRisk", .num(s.totalGapRisk)),
                ("risk", .num(s.totalRisk)), ("capBinds", .bool(s.capBinds)), ("budgetContracts", .int(s.budgetContracts)),
                ("capContracts", .int(s.capContracts)), ("capAtRisk", .num(s.budget.capAmount)),
            ]
        }
        text += keyValueLines(pairs)
        if let s = sized.sizing, s.contracts == 0 {
            let advice = zeroContractAdvice(state, budget: s.budget)
            text += "\nfinding: " + (s.finding.map { $0 + ":" } ?? "the risk budget cannot buy one contract:") + "\n" + advice.text
            json.append(("finding", .string(s.finding ?? "cannot buy one contract")))
            json.append(("alternatives", .array(advice.json)))
        } else if sized.sizing == nil {
            text += "\n(no account yet: `account 100000` sizes the trade)"
            json += [("riskPerContract", .null), ("riskBudget", .null), ("contracts", .null), ("step", .null)]
        }
        // Built only when `why` asks: the trees cost more than the condor itself.
        let sizing = sized.sizing
        let explainer = Explainer(lazy: {
            let figures = IronCondor.Figure.allCases.map { c.explanation(of: $0) }
            guard let s = sizing else { return figures }
            return [s.explanation, s.riskPerContractExplanation, s.gapRiskExplanation, s.budget.explanation,
                    s.budget.capExplanation] + figures
        })
        return Report(text: text, result: json, explainer: explainer)
    }

    /// What the same budget buys on XSP and with narrower wings, for a zero-contract finding.
    static func zeroContractAdvice(_ state: SessionState, budget: RiskBudget) -> (text: String, json: [JSONValue]) {
        let alternatives = SizingAlternative.alternatives(
            market: state.market, condor: listedCondor(state).settings, budget: budget, sizing: state.sizing,
            fills: state.trade)
        let lines = alternatives.map { a in
            "  \(a.label): \(a.sizing.contracts) contract\(a.sizing.contracts == 1 ? "" : "s") at"
                + " \(Fmt.money(a.sizing.riskPerContract)) risk each (credit \(Fmt.money(a.credit)),"
                + " max loss \(Fmt.money(a.maxLoss)))"
        }
        let json: [JSONValue] = alternatives.map { a in
            .object([("alternative", .string(a.label)), ("contracts", .int(a.sizing.contracts)),
                     ("riskPerContract", .num(a.sizing.riskPerContract))])
        }
        return (lines.joined(separator: "\n"), json)
    }
}
