import HedgebookModel

/// `quote` (market prices that mark positions until the market moves) and `iv` (implied
/// volatility beside the model's σ).
extension Evaluator {
    /// Whether `command` moves the market, which clears the quotes: a quote is a price at one moment.
    static func clearsQuotes(_ command: Command) -> Bool {
        switch command {
        case .spx, .vix, .date, .advance, .replay, .next: return true
        default: return false
        }
    }

    /// The open positions marked now, at quotes where there are any.
    static func marks(_ state: SessionState) -> [PositionMark] {
        state.positions.map { $0.mark(market: state.market, on: state.date, fills: state.trade).quoted(by: state.quotes, fills: state.trade) }
    }

    /// "model" or "quote": where a mark comes from.
    static func markSource(_ m: PositionMark) -> String { m.quoteSource == nil ? "model" : "quote" }

    /// `quote condor 3.10`, `quote L1 2.45`, `quote spx put 5800 30 at 25.10`.
    static func quote(_ r: QuoteRequest, state: inout SessionState) throws(CommandFailure) -> Report {
        switch r.target {
        case .position(let kind):
            guard let p = state.positions.first(where: { $0.kind == kind }) else {
                throw CommandFailure("no \(kind.name) is open to quote", argument: 0,
                                     hint: "quote a listed option instead: quote spx put 5800 30 at 25.10")
            }
            if let width = positionWidth(p), r.price > width {
                throw CommandFailure("a price of \(Fmt.plain(r.price)) is more than the width \(Fmt.plain(width)): no \(p.name) is worth that",
                                     argument: 1)
            }
            let model = p.mark(market: state.market, on: state.date, fills: state.trade)
            let before = model.quoted(by: state.quotes, fills: state.trade)
            state.quotes.positions[kind] = r.price
            let after = model.quoted(by: state.quotes, fills: state.trade)
            let what = kind == .condor ? "a debit of \(Fmt.fixed(r.price, 2)) to close" : "\(Fmt.fixed(r.price, 2)) a unit"
            let text = "\(kind.name) quoted at \(what): marked \(Fmt.money(after.liquidation))"
                + " (the model's fills \(Fmt.money(model.liquidation))) · P&L \(Fmt.pnl(after.pnl)) after fees"
                + " (\(Fmt.pnl(after.pnl - before.pnl)) on the last mark)\n"
                + "marks are quotes until the market moves (spx, vix, date, advance)"
            return Report(text: text, result: [
                ("name", .string(kind.name)), ("price", .num(r.price)), ("mark", .num(after.liquidation)),
                ("modelMark", .num(model.liquidation)), ("pnl", .num(after.pnl)), ("change", .num(after.pnl - before.pnl)),
                ("markSource", .string("quote")),
            ])
        case .option(let u, let k, let strike, let dte):
            let priced: PricedOption
            do { priced = try OptionPricer.quote(market: state.market, underlying: u, kind: k, strike: strike, dte: dte) } catch {
                throw CommandFailure(error.message, argument: 2)
            }
            let option = ListedOption(underlying: u, kind: k, strike: strike, expiry: state.date.adding(days: dte))
            let iv = try? impliedVol(state, option, price: r.price)
            state.quotes.options[option] = r.price
            let held = state.positions.filter { p in
                p.legs.contains { ListedOption(underlying: $0.underlying, kind: $0.kind, strike: $0.strike, expiry: $0.expiry) == option }
            }.map(\.name)
            var text = "\(option.label) \(dte) DTE (\(option.expiry)) quoted at \(Fmt.fixed(r.price, 2))"
                + " · model \(Fmt.fixed(priced.quote.price, 2)) at σ \(Fmt.percent(priced.volatility))"
                + (iv.map { " · implied σ \(Fmt.percent($0))" } ?? " · no implied σ: the price is outside the no-arbitrage bounds")
            text += held.isEmpty ? "\nno held leg is this option: `iv` reads the quote" : "\nmarks the leg of: " + held.joined(separator: ", ")
            var json: [(String, JSONValue)] = [("option", optionJSON(option)), ("price", .num(r.price)),
                                               ("modelPrice", .num(priced.quote.price)), ("modelIv", .num(priced.volatility)),
                                               ("marks", .array(held.map { .string($0) }))]
            if let iv { json.append(("iv", .num(iv))) }
            return Report(text: text, result: json)
        }
    }

    static func optionJSON(_ o: ListedOption) -> JSONValue {
        .object([("underlying", .string(o.underlying.rawValue)), ("kind", .string(o.kind.rawValue)),
                 ("strike", .num(o.strike)), ("expiry", .string(o.expiry.description))])
    }

    /// The implied volatility of `price` for `option` on the session's date, and the model's σ.
    static func impliedVol(_ state: SessionState, _ o: ListedOption, price: Double) throws(ModelError) -> Double {
        let dte = state.date.days(to: o.expiry)
        let m = state.market
        let t = Double(dte) / 365
        switch o.underlying {
        case .spx, .xsp:
            return try ImpliedVolatility.blackScholes(o.kind, price: price, spot: o.underlying.level(spx: m.spx), strike: o.strike,
                                                      years: t, rate: m.rate, dividend: m.dividendYield)
        case .vix:
            return try ImpliedVolatility.black76(o.kind, price: price, forward: m.vixFuture(dte: dte), strike: o.strike,
                                                 years: t, rate: m.rate)
        }
    }

    /// The model's σ for `option`: σ(K) from the skew, or σ_v of its days for VIX.
    static func modelVol(_ state: SessionState, _ o: ListedOption) -> Double {
        let dte = max(1, state.date.days(to: o.expiry))
        switch o.underlying {
        case .spx, .xsp: return IndexPricing(market: state.market, underlying: o.underlying, dte: dte).volatility(strike: o.strike)
        case .vix: return state.market.vixOptionVolatility(dte: dte)
        }
    }

    /// `iv spx put 5800 30 at 25.10` (or the quote held for it), `iv condor` (its legs' quotes).
    static func impliedVolReport(_ state: SessionState, _ r: ImpliedVolRequest) throws(CommandFailure) -> Report {
        switch r.target {
        case .option(let u, let k, let strike, let dte):
            do { try OptionPricer.validate(dte: dte); try state.market.validate() } catch { throw CommandFailure(error.message, argument: 3) }
            let option = ListedOption(underlying: u, kind: k, strike: strike, expiry: state.date.adding(days: dte))
            guard let price = r.price ?? state.quotes.options[option] else {
                throw CommandFailure("no price for \(option.label) \(dte) DTE", argument: nil,
                                     hint: "give one: iv \(u.rawValue) \(k.rawValue) \(Fmt.plain(strike)) \(dte) at 25.10, or `quote` it first")
            }
            let iv: Double
            do { iv = try impliedVol(state, option, price: price) } catch {
                throw CommandFailure(error.message, argument: r.price == nil ? nil : r.priceArgument)
            }
            let model = modelVol(state, option)
            let diff = iv - model
            let text = "\(option.label) \(dte) DTE at \(Fmt.fixed(price, 2)): implied σ \(Fmt.fixed(iv * 100, 2))%"
                + " · model σ(K) \(Fmt.fixed(model * 100, 2))% · difference \(diff >= 0 ? "+" : "")\(Fmt.fixed(diff * 100, 2)) vol points"
                + (r.price == nil ? " (the price is the session's quote)" : "")
            return Report(text: text, result: [("option", optionJSON(option)), ("price", .num(price)), ("iv", .num(iv)),
                                               ("modelIv", .num(model)), ("difference", .num(diff))])
        case .position(let kind):
            guard let p = state.positions.first(where: { $0.kind == kind }) else {
                throw CommandFailure("no \(kind.name) is open", argument: 0, hint: "iv spx put 5800 30 at 25.10 reads one option")
            }
            var rows: [[String]] = []
            var legs: [JSONValue] = []
            var quoted = 0
            for leg in p.legs {
                let o = ListedOption(underlying: leg.underlying, kind: leg.kind, strike: leg.strike, expiry: leg.expiry)
                let model = modelVol(state, o)
                var pairs: [(String, JSONValue)] = [("option", optionJSON(o)), ("quantity", .int(leg.quantity)), ("modelIv", .num(model))]
                if let price = state.quotes.price(of: leg), let iv = try? impliedVol(state, o, price: price) {
                    quoted += 1
                    pairs += [("price", .num(price)), ("iv", .num(iv)), ("difference", .num(iv - model))]
                    rows.append([leg.label, Fmt.fixed(price, 2), Fmt.fixed(iv * 100, 2) + "%", Fmt.fixed(model * 100, 2) + "%",
                                 (iv >= model ? "+" : "") + Fmt.fixed((iv - model) * 100, 2)])
                } else {
                    rows.append([leg.label, "—", "—", Fmt.fixed(model * 100, 2) + "%", "—"])
                }
                legs.append(.object(pairs))
            }
            var text = "implied volatility of the \(kind.name)'s legs on \(state.date) · \(quoted) of \(p.legs.count) quoted\n"
            text += Table(header: ["leg", "quote", "implied σ", "model σ", "difference (vol pts)"], rows: rows).render()
            if quoted < p.legs.count {
                let leg = p.legs.first { state.quotes.price(of: $0) == nil }!
                text += "\nquote a leg: quote \(leg.underlying.rawValue) \(leg.kind.rawValue) \(Fmt.plain(leg.strike)) \(state.date.days(to: leg.expiry)) at PRICE"
            }
            return Report(text: text, result: [("name", .string(kind.name)), ("legs", .array(legs)), ("quoted", .int(quoted))])
        }
    }
}
