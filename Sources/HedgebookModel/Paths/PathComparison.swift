/// SPX held over a path (METHOD §12 item 10): `account × SPX ÷ SPX on the first day`, price only.
public struct HeldIndex: Sendable, Equatable {
    /// `(last ÷ first)^(365 / calendar days) − 1`; `nil` over a path of one calendar day or less.
    public var cagr: Double?
    /// The largest fall from a peak, as a fraction of it, with its dates.
    public var maxDrawdownPct: RunDrawdown
    /// `account × SPX_t ÷ SPX_0` each day.
    public var equityCurve: [(date: CalendarDate, equity: Double)]

    public init(_ days: [PathDay], account: Double) {
        let s0 = days.first?.spx ?? 1
        equityCurve = days.map { (date: $0.date, equity: account * $0.spx / s0) }
        // The same definitions as a run's figures (METHOD §11), over the held curve.
        var figures = FiguresAccumulator(initial: account, rate: 0)
        for point in equityCurve { figures.add(point.date, point.equity) }
        let f = figures.figures(trades: [], cycles: 0, failedCycles: 0, worstCycle: nil, cyclesPnl: 0, worstStep: 0,
                                hedgePremium: 0, hedgePnl: 0, fees: 0)
        cagr = f.cagr
        maxDrawdownPct = f.maxDrawdownPct
    }

    public static func == (a: HeldIndex, b: HeldIndex) -> Bool {
        a.cagr == b.cagr && a.maxDrawdownPct == b.maxDrawdownPct
            && a.equityCurve.map(\.equity) == b.equityCurve.map(\.equity)
    }
}

/// One path played the four ways §11 compares: the method, flat sizing (`steps 1`), no hedges
/// (`hedging off`), neither; and SPX held. What `backtest` reports.
public struct PathComparison: Sendable {
    public var method: PathRun
    public var flat: PathRun
    public var noHedges: PathRun
    public var neither: PathRun
    public var spxHeld: HeldIndex

    /// Plays `days` four ways from `settings`.
    public init(_ days: [PathDay], settings: PathSettings) throws(ModelError) {
        self = try Self.play(days, settings: settings, shouldStop: { false })!
    }

    private init(method: PathRun, flat: PathRun, noHedges: PathRun, neither: PathRun, spxHeld: HeldIndex) {
        self.method = method
        self.flat = flat
        self.noHedges = noHedges
        self.neither = neither
        self.spxHeld = spxHeld
    }

    /// Plays `days` four ways, side by side, asking `shouldStop` every `chunk` days (Ctrl-C);
    /// `nil` when it said stop.
    public static func play(
        _ days: [PathDay], settings: PathSettings, chunk: Int = 250, shouldStop: () -> Bool
    ) throws(ModelError) -> PathComparison? {
        var engines = [try PathEngine(settings: settings), try PathEngine(settings: settings.flat),
                       try PathEngine(settings: settings.noHedges), try PathEngine(settings: settings.neither)]
        for i in days.indices {
            if i % max(chunk, 1) == 0 && shouldStop() { return nil }
            let next = i + 1 < days.count ? days[i + 1].date : nil
            for k in engines.indices { try engines[k].play(days[i], next: next) }
        }
        return PathComparison(method: engines[0].finish(), flat: engines[1].finish(), noHedges: engines[2].finish(),
                              neither: engines[3].finish(), spxHeld: HeldIndex(days, account: settings.startEquity))
    }
}
