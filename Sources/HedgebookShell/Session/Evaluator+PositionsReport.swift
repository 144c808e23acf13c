import HedgebookModel

extension Evaluator {
    /// `positions`: each open position and its legs marked now, with P&L and greeks, and the net.
    ///
    /// Position rows show dollars (entry and mark are `Σ quantity × 100 × price`, negative for a
    /// credit); leg rows show prices per unit. Greeks are per-unit × 100 × quantity. The net row adds
    /// P&L and theta only: SPX and VIX deltas and vegas are in different units.
    static func positionsReport(_ state: SessionState) -> Report {
        guard !state.positions.isEmpty else {
            return Report(text: "no open positions: `open condor` opens the condor the model sizes, `hedge L1` buys a layer",
                          result: [("positions", .array([])), ("net", .num(0.0)), ("theta", .num(0.0))])
        }
        let marks = Self.marks(state)
        var rows: [[String]] = []
        for m in marks {
            let p = m.position
            let dte = state.date.days(to: p.expiry)
            rows.append(["\(p.name) · exp \(p.expiry) (\(max(0, dte))d)" + (m.quoteSource == nil ? "" : " · quote")
                         + (p.source == .typed ? " · typed fill" : "") + (p.pastCap > 0 ? " · past cap" : ""), String(p.contracts), Fmt.money(p.entryValue),
                         Fmt.money(m.value), Fmt.pnl(m.pnl)] + greekCells(m.greeks))
            for leg in m.legs {
                let units = Double(leg.leg.quantity) * leg.leg.underlying.multiplier
                rows.append(["  " + leg.leg.label, (leg.leg.quantity > 0 ? "+" : "") + String(leg.leg.quantity),
                             Fmt.fixed(leg.leg.entryPrice, 2), Fmt.fixed(leg.quote.price, 2) + (leg.quoted ? " q" : ""), Fmt.pnl(leg.pnl)]
                            + greekCells(PositionGreeks(delta: units * leg.quote.delta, gamma: units * leg.quote.gamma,
                                                        vega: units * leg.quote.vega, theta: units * leg.quote.theta)))
            }
        }
        let net = marks.reduce(0) { $0 + $1.pnl }
        let theta = marks.reduce(0) { $0 + $1.greeks.theta }
        rows.append(["net", "", "", "", Fmt.pnl(net), "", "", "", Fmt.fixed(theta, 2)])
        let table = Table(header: ["position / leg", "qty", "entry", "mark", "P&L", "delta", "gamma", "vega", "theta/day"],
                          rows: rows)
        var text = "positions on \(state.date) · SPX \(Fmt.level(state.market.spx)) · VIX \(Fmt.level(state.market.vix))\n"
            + table.render()
            + "\nequity \(Fmt.money(state.account.equity)) realised · marked \(Fmt.money(state.account.equity + net))"
            + " (P&L is what closing now would realise: fills and closing fees included)"
        let quoted = marks.compactMap { m in
            m.quoteSource.map { "\(m.position.name) (\($0 == .position ? "its quote" : "q: quoted legs, the model for the rest"))" }
        }
        if !quoted.isEmpty {
            text += "\nmarked at quotes: " + quoted.joined(separator: ", ") + "; until the market moves"
        }
        return Report(text: text, result: [("positions", .array(marks.map(positionJSON))), ("net", .num(net)),
                                           ("theta", .num(theta)), ("equity", .num(state.account.equity)),
                                           ("markedEquity", .num(state.account.equity + net))])
    }

    static func greekCells(_ g: PositionGreeks) -> [String] {
        [Fmt.fixed(g.delta, 2), Fmt.fixed(g.gamma, 4), Fmt.fixed(g.vega, 2), Fmt.fixed(g.theta, 2)]
    }

    /// A position marked, as JSON: name, contracts, entry, mark, pnl, greeks, dates and legs.
    static func positionJSON(_ m: PositionMark) -> JSONValue {
        let p = m.position
        let legs: [JSONValue] = m.legs.map { l in
            .object([("underlying", .string(l.leg.underlying.rawValue)), ("kind", .string(l.leg.kind.rawValue)),
                     ("strike", .num(l.leg.strike)), ("quantity", .int(l.leg.quantity)),
                     ("entry", .num(l.leg.entryPrice)), ("mark", .num(l.quote.price)), ("pnl", .num(l.pnl)),
                     ("markSource", .string(l.quoted || m.quoteSource == .position ? "quote" : "model"))])
        }
        return .object([
            ("name", .string(p.name)), ("contracts", .int(p.contracts)), ("entry", .num(p.entryValue)),
            ("mark", .num(m.value)), ("pnl", .num(m.pnl)), ("delta", .num(m.greeks.delta)),
            ("gamma", .num(m.greeks.gamma)), ("vega", .num(m.greeks.vega)), ("theta", .num(m.greeks.theta)),
            ("opened", .string(p.opened.description)), ("expiry", .string(p.expiry.description)),
            ("cycle", .int(p.cycle)), ("step", .int(p.step)), ("legs", .array(legs)),
            ("fill", .num(p.fill)), ("source", .string(p.source.rawValue)), ("markSource", .string(markSource(m))),
            ("pastCap", .int(p.pastCap)),
        ])
    }
}
