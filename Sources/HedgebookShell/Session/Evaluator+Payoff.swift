import HedgebookModel

extension Evaluator {
    /// The spot–vol elasticity the risk graph uses to move VIX with SPX (`V × (S/S₀)^β`).
    static let payoffElasticity = -5.0

    /// What `payoff` draws: the curves, the chart, and whether the positions are held or planned.
    struct PayoffDrawing {
        var payoff: HeldPayoff
        var chart: ChartData
        var held: Bool
        var breakEvens: [Double]
        var shortStrikes: [Double]
        var spot: Double
        var notes: [String]
    }

    /// The planned condor (sized at the current step; one contract before an account) and the
    /// planned hedge layers, as positions opened today at the model's prices.
    static func plannedPositions(_ state: SessionState) throws(CommandFailure) -> (positions: [Position], note: String) {
        let sized = try buildCondor(state)
        let c = sized.condor
        let contracts = max(sized.sizing?.contracts ?? 1, 1)
        let a = state.account
        var positions = [Position.condor(c, contracts: contracts, opened: state.date, cycle: a.cycle, step: a.step)]
        if a.hasAccount {
            let layers = ((try? hedgePlan(state))?.layers ?? [])
                .filter { $0.contracts > 0 }
            positions += layers.map { Position.hedge($0, market: state.market, opened: state.date, cycle: a.cycle, step: a.step, fills: state.trade) }
        }
        return (positions, sized.sizing == nil ? " (1 contract: no account yet)" : "")
    }

    /// The risk graph of the open positions as held (or the planned ones when none are open).
    static func payoffDrawing(_ state: SessionState, _ r: PayoffRequest) throws(CommandFailure) -> PayoffDrawing {
        let held = !state.positions.isEmpty
        var (positions, note) = held ? (state.positions, "") : try plannedPositions(state)
        if r.vix {
            positions = positions.filter { $0.kind != .condor }
            guard !positions.isEmpty else {
                throw .command("no hedge layers \(held ? "held" : "planned") to draw against VIX",
                               hint: held ? "`hedge L1` buys one; `payoff` draws the condor against SPX" : "`account 100000` sizes them")
            }
        }
        let m = state.market
        let condor = positions.first { $0.kind == .condor }
        let expiry = r.vix ? positions.map(\.expiry).max()! : condor?.expiry ?? positions.map(\.expiry).min()!
        var dates: [(label: String, date: CalendarDate)] = [("at expiry \(expiry)", expiry), ("today (T+0)", state.date)]
        if r.days != nil || r.date != nil {
            let later = r.date ?? state.date.adding(days: r.days ?? 0)
            let n = state.date.days(to: later)
            guard n > 0 else {
                throw CommandFailure("\(later) is not after the session's date \(state.date)", argument: r.atArgument,
                                     hint: "a later date, or +7d")
            }
            dates.append(("T+\(n) \(later)", later))
        }
        // The axis: around the condor's strikes in SPX points, or the layers' strikes in VIX.
        let range: ClosedRange<Double>
        let spot = r.vix ? m.vix : m.spx
        if r.vix {
            let strikes = positions.flatMap { $0.legs.map(\.strike) }
            range = max(1, 0.6 * min(m.vix, strikes.min()!))...max(1.6 * strikes.max()!, 2 * m.vix)
        } else if let c = condor {
            let scale = c.legs[0].underlying == .xsp ? 10.0 : 1
            let lo = c.legs.map(\.strike).min()! * scale, hi = c.legs.map(\.strike).max()! * scale
            let span = hi - lo
            range = max(1, lo - 0.35 * span)...(hi + 0.35 * span)
        } else {
            range = (0.75 * m.spx)...(1.15 * m.spx)
        }
        let payoff = HeldPayoff(positions: positions, market: m, dates: dates, vixAxis: r.vix,
                                elasticity: payoffElasticity, range: range)
        let breakEvens = HeldPayoff.zeroCrossings(payoff.x, payoff.curves[0].pnl)
        var shortStrikes: [Double] = []
        if !r.vix, let c = condor {
            let scale = c.legs[0].underlying == .xsp ? 10.0 : 1
            shortStrikes = c.legs.filter { $0.quantity < 0 }.map { $0.strike * scale }.sorted()
        }
        var markers = breakEvens.map { ChartData.Marker(symbol: "B", label: "break-even", x: $0) }
        markers += shortStrikes.map { ChartData.Marker(symbol: "K", label: "short strike", x: $0) }
        if r.vix {
            let longs = Set(positions.flatMap { $0.legs.filter { $0.quantity > 0 }.map(\.strike) })
            markers += longs.sorted().map { ChartData.Marker(symbol: "K", label: "long strike", x: $0) }
        }
        markers.append(ChartData.Marker(symbol: "S", label: "\(r.vix ? "VIX" : "spot") \(Fmt.level(spot))", x: spot))
        let what = positions.map { p in
            "\(p.kind == .condor ? "\(p.legs[0].underlying.ticker) condor" : p.name) ×\(p.contracts)"
                + (p.source == .typed ? " at \(Fmt.fixed(p.fill, 2))" : "")
        }.joined(separator: " + ")
        let title = (held ? "held: " : "planned: ") + what + note
        let chart = ChartData(title: title, xLabel: r.vix ? "VIX" : "SPX", x: payoff.x,
                              series: payoff.curves.map { ($0.label, $0.pnl) }, markers: markers)
        var notes = [held ? "the open positions as held, at their fills (fees not included)"
                          : "planned: nothing is open, so the condor and layers the model would open today"]
        notes.append(r.vix ? "VIX on the axis, SPX held at \(Fmt.level(m.spx)); each layer at expiry is worth its intrinsic value"
                           : "VIX moves with SPX as V × (S/S₀)^\(Fmt.plain(payoffElasticity, decimals: 1)); curves at the model's prices")
        if !state.quotes.isEmpty { notes.append("quotes mark `positions`; the curves are the model's") }
        return PayoffDrawing(payoff: payoff, chart: chart, held: held, breakEvens: breakEvens, shortStrikes: shortStrikes,
                             spot: spot, notes: notes)
    }

    /// `payoff`: the risk graph in text, Unicode unless `unicode` is false.
    static func payoffReport(_ state: SessionState, _ r: PayoffRequest = PayoffRequest(), unicode: Bool = true, width: Int = 80) throws(CommandFailure) -> Report {
        let d = try payoffDrawing(state, r)
        var text = AsciiChart.render(d.chart, width: width, height: 20, unicode: unicode)
        let expiry = d.payoff.curves[0].pnl
        let bes = d.breakEvens.map { Fmt.fixed($0, 2) }.joined(separator: ", ")
        text += "\nat expiry: best \(Fmt.pnl(expiry.max() ?? 0)), worst \(Fmt.pnl(expiry.min() ?? 0))"
            + " · break-evens \(bes.isEmpty ? "none" : bes)"
        text += "\n" + d.notes.joined(separator: "\n")
        let curves: [JSONValue] = d.payoff.curves.map { c in
            .object([("label", .string(c.label)), ("date", .string(c.date.description)),
                      ("points", .array(zip(d.payoff.x, c.pnl).map { .array([.num($0), .num($1)]) }))])
        }
        let result: [(String, JSONValue)] = [
            ("positions", .string(d.held ? "held" : "planned")), ("axis", .string(r.vix ? "vix" : "spx")),
            ("curves", .array(curves)), ("breakevens", .array(d.breakEvens.map { .num($0) })),
            ("shortStrikes", .array(d.shortStrikes.map { .num($0) })), ("spot", .num(d.spot)),
            ("title", .string(d.chart.title)),
        ]
        return Report(text: text, result: result)
    }
}
