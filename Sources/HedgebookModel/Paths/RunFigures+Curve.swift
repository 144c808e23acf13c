extension RunFigures {
    /// The figures of an equity curve with no trades of the method (SPX held: account × SPX ÷ SPX on
    /// the first day, METHOD §12 item 10), by the same definitions as a run's (METHOD §11).
    public static func ofCurve(_ curve: [(date: CalendarDate, equity: Double)], initial: Double, rate: Double) -> RunFigures {
        var acc = FiguresAccumulator(initial: initial, rate: rate)
        for point in curve { acc.add(point.date, point.equity) }
        return acc.figures(trades: [], cycles: 0, failedCycles: 0, worstCycle: nil, cyclesPnl: 0, worstStep: 0,
                           hedgePremium: 0, hedgePnl: 0, fees: 0)
    }
}
