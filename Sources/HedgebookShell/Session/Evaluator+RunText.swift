import HedgebookModel

/// Text and JSON of an engine run (METHOD §11): trades, layers, figures and comparisons, shared by
/// `simulate … years` and `backtest`.
enum RunText {
    static func optionalPercent(_ x: Double?) -> String { x.map { Fmt.percent($0) } ?? "—" }
    static func optionalMoney(_ x: Double?) -> String { x.map { Fmt.money($0) } ?? "—" }
    static func optionalRatio(_ x: Double?) -> String { x.map { Fmt.plain($0, decimals: 2) } ?? "—" }
    static func optional(_ x: Double?) -> JSONValue { x.map { JSONValue.num($0) } ?? .null }

    /// The trades of a run, one row each.
    static func tradesTable(_ trades: [PathTrade]) -> String {
        Table(
            header: ["open", "close", "why", "step", "n", "strikes", "credit", "close cost", "P&L", "hedges", "fees", "equity"],
            rows: trades.map { t in
                [t.open.description, t.close.description, t.reason.rawValue, String(t.step), String(t.contracts),
                 t.strikes.map { Fmt.plain($0, decimals: 1) }.joined(separator: "/"), Fmt.money(t.credit),
                 Fmt.money(t.closeCost), Fmt.pnl(t.pnl), Fmt.pnl(t.hedgePnl), Fmt.money(t.fees), Fmt.money(t.equity)]
            },
            alignment: [.left, .left, .left, .right, .right, .left, .right, .right, .right, .right, .right, .right]
        ).render()
    }

    /// The hedge layers of a run, one row each.
    static func layersTable(_ layers: [PathLayer]) -> String {
        Table(
            header: ["layer", "bought", "sold", "why", "n", "strikes", "premium", "proceeds", "fees", "P&L"],
            rows: layers.map { l in
                [l.layer.label, l.bought.description, l.sold.description, l.reason.rawValue, String(l.contracts),
                 l.strikes.map { Fmt.plain($0, decimals: 1) }.joined(separator: "/"), Fmt.money(l.premium),
                 Fmt.money(l.proceeds), Fmt.money(l.fees), Fmt.pnl(l.pnl)]
            },
            alignment: [.left, .left, .left, .left, .right, .left, .right, .right, .right, .right]
        ).render()
    }

    /// The §11 figures of one run as label–value rows.
    static func figureRows(_ f: RunFigures) -> [[String]] {
        [
            ["CAGR", optionalPercent(f.cagr)],
            ["volatility", Fmt.percent(f.volatility)],
            ["Sharpe · Sortino", optionalRatio(f.sharpe) + " · " + optionalRatio(f.sortino)],
            ["max drawdown", Fmt.money(f.maxDrawdown.depth) + " (\(f.maxDrawdown.peak) → \(f.maxDrawdown.trough))"],
            ["max drawdown %", Fmt.percent(f.maxDrawdownPct.depth) + " (\(f.maxDrawdownPct.peak) → \(f.maxDrawdownPct.trough))"],
            ["longest under water", "\(f.longestUnderwaterDays) days"],
            ["win rate", optionalPercent(f.winRate) + " (\(f.wins) wins, \(f.losses) losses, \(f.scratches) scratches)"],
            ["profit factor", optionalRatio(f.profitFactor)],
            ["average win · loss", optionalMoney(f.averageWin) + " · " + optionalMoney(f.averageLoss)],
            ["cycles · failed", "\(f.cycles) · \(f.failedCycles)"],
            ["hedge premium a year", optionalPercent(f.hedgeCostPerYear) + " of mean equity"],
            ["hedges' net P&L", Fmt.pnl(f.hedgePnl)],
            ["fees", Fmt.money(f.fees)],
            ["final equity", Fmt.money(f.finalEquity)],
        ]
    }

    static func drawdownJSON(_ d: RunDrawdown, _ key: String) -> JSONValue {
        .object([(key, .num(d.depth)), ("peak", .string(d.peak.description)), ("trough", .string(d.trough.description))])
    }

    /// `figures` of the `backtest` JSON contract.
    static func figuresJSON(_ f: RunFigures) -> JSONValue {
        .object([
            ("cagr", optional(f.cagr)), ("volatility", .num(f.volatility)), ("sharpe", optional(f.sharpe)),
            ("sortino", optional(f.sortino)), ("maxDrawdown", drawdownJSON(f.maxDrawdown, "dollars")),
            ("maxDrawdownPct", drawdownJSON(f.maxDrawdownPct, "fraction")),
            ("longestUnderwaterDays", .int(f.longestUnderwaterDays)), ("winRate", optional(f.winRate)),
            ("profitFactor", optional(f.profitFactor)), ("averageWin", optional(f.averageWin)),
            ("averageLoss", optional(f.averageLoss)), ("cycles", .int(f.cycles)), ("failedCycles", .int(f.failedCycles)),
            ("hedgeCostPerYear", optional(f.hedgeCostPerYear)), ("hedgePnl", .num(f.hedgePnl)), ("fees", .num(f.fees)),
            ("finalEquity", .num(f.finalEquity)),
        ])
    }

    static func tradesJSON(_ trades: [PathTrade]) -> JSONValue {
        .array(trades.map { t in
            .object([
                ("open", .string(t.open.description)), ("close", .string(t.close.description)),
                ("reason", .string(t.reason.rawValue)), ("step", .int(t.step)), ("contracts", .int(t.contracts)),
                ("strikes", .array(t.strikes.map { .num($0) })), ("credit", .num(t.credit)),
                ("closeCost", .num(t.closeCost)), ("pnl", .num(t.pnl)), ("hedgePnl", .num(t.hedgePnl)),
                ("fees", .num(t.fees)), ("equity", .num(t.equity)),
            ])
        })
    }

    static func layersJSON(_ layers: [PathLayer]) -> JSONValue {
        .array(layers.map { l in
            .object([
                ("layer", .string(l.layer.label)), ("bought", .string(l.bought.description)),
                ("sold", .string(l.sold.description)), ("reason", .string(l.reason.rawValue)),
                ("contracts", .int(l.contracts)), ("premium", .num(l.premium)), ("proceeds", .num(l.proceeds)),
                ("pnl", .num(l.pnl)),
            ])
        })
    }

    static func curveJSON(_ curve: [(date: CalendarDate, equity: Double)]) -> JSONValue {
        .array(curve.map { .array([.string($0.date.description), .num($0.equity)]) })
    }

    /// `compare` of one run beside its three variants and SPX held.
    static func compareJSON(flat: RunFigures, noHedges: RunFigures, neither: RunFigures,
                            spxCagr: Double?, spxDrawdown: Double) -> JSONValue {
        func one(_ f: RunFigures) -> JSONValue {
            .object([("cagr", optional(f.cagr)), ("maxDrawdownPct", .num(f.maxDrawdownPct.depth)), ("finalEquity", .num(f.finalEquity))])
        }
        return .object([
            ("flat", one(flat)), ("noHedges", one(noHedges)), ("neither", one(neither)),
            ("spxHeld", .object([("cagr", optional(spxCagr)), ("maxDrawdownPct", .num(spxDrawdown))])),
        ])
    }

    /// The method beside flat sizing, no hedges, neither and SPX held over one path, as one table.
    static func compareTable(_ c: PathComparison) -> String {
        let runs = [("the method", c.method.figures), ("flat (steps 1)", c.flat.figures),
                    ("no hedges", c.noHedges.figures), ("neither", c.neither.figures)]
        var rows = runs.map { name, f in
            [name, optionalPercent(f.cagr), Fmt.percent(f.maxDrawdownPct.depth), Fmt.money0(f.finalEquity),
             optionalPercent(f.winRate), "\(f.trades)"]
        }
        let held = c.spxHeld
        rows.append(["SPX held", optionalPercent(held.cagr), Fmt.percent(held.maxDrawdownPct.depth),
                     Fmt.money0(held.equityCurve.last?.equity ?? c.method.figures.initialEquity), "—", "—"])
        return Table(header: ["", "CAGR", "max drawdown", "final equity", "win rate", "trades"], rows: rows,
                     alignment: [.left, .right, .right, .right, .right, .right]).render()
    }

    /// `compare` of the `backtest` JSON contract from one path played four ways.
    static func compareJSON(_ c: PathComparison) -> JSONValue {
        compareJSON(flat: c.flat.figures, noHedges: c.noHedges.figures, neither: c.neither.figures,
                    spxCagr: c.spxHeld.cagr, spxDrawdown: c.spxHeld.maxDrawdownPct.depth)
    }
}
