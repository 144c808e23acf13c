#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A drawdown: how deep, from which peak to which trough.
public struct RunDrawdown: Sendable, Equatable, Codable {
    /// Dollars, or a fraction of the peak.
    public var depth: Double
    public var peak: CalendarDate
    public var trough: CalendarDate
}

/// What a run reports (METHOD §11 with §12 item 11).
///
/// ```
/// daily return = marked equity change ÷ the previous day's marked equity (the first from the account)
/// CAGR         = (final ÷ initial)^(365 / calendar days) − 1
/// volatility   = SD(daily returns) × √252                       (SD divides by n)
/// Sharpe       = mean(r − rate/252) ÷ SD × √252
/// Sortino      = mean(r − rate/252) ÷ √mean(min(0, r − rate/252)²) × √252
/// profit factor = sum of wins ÷ |sum of losses|      (results, as the martingale saw them)
/// hedge cost a year = premium paid ÷ mean marked equity ÷ years
/// ```
public struct RunFigures: Sendable, Equatable, Codable {
    /// `nil` when the path spans no calendar day or the final equity is not positive… see ``cagr``.
    public var cagr: Double?
    public var volatility: Double
    public var sharpe: Double?
    public var sortino: Double?
    public var maxDrawdown: RunDrawdown
    public var maxDrawdownPct: RunDrawdown
    public var longestUnderwaterDays: Int
    /// wins ÷ (wins + losses); `nil` with neither.
    public var winRate: Double?
    /// `nil` with no loss.
    public var profitFactor: Double?
    public var averageWin: Double?
    /// A positive amount.
    public var averageLoss: Double?
    public var wins: Int
    public var losses: Int
    public var scratches: Int
    public var trades: Int
    /// Completed cycles, and those ended by a loss at their last step.
    public var cycles: Int
    public var failedCycles: Int
    /// The most negative completed cycle's P&L (its results' sum), and the deepest step reached.
    public var worstCycle: Double?
    /// The sum of the completed cycles' P&L (their results).
    public var cyclesPnl: Double
    public var worstStep: Int
    public var hedgeCostPerYear: Double?
    public var hedgePremium: Double
    public var hedgePnl: Double
    /// Fees paid by condors and layers.
    public var fees: Double
    public var initialEquity: Double
    public var finalEquity: Double
    public var days: Int
    public var calendarDays: Int
}

/// The daily series folded as it is played, so a long run keeps no more than it must.
struct FiguresAccumulator {
    let initial: Double
    let dailyRate: Double
    var previous: Double
    var first: CalendarDate?
    var last: CalendarDate?
    var n = 0
    var sumR = 0.0, sumR2 = 0.0, sumDown2 = 0.0, sumEquity = 0.0
    var peak: Double
    var peakDate: CalendarDate?
    var ddDollars: RunDrawdown?
    var ddPct: RunDrawdown?
    var underwater = false
    var longestUnderwater = 0

    init(initial: Double, rate: Double) {
        self.initial = initial
        self.previous = initial
        self.peak = initial
        self.dailyRate = rate / 252
    }

    mutating func add(_ date: CalendarDate, _ equity: Double) {
        if first == nil { first = date; peakDate = date }
        last = date
        let r = previous > 0 ? equity / previous - 1 : 0
        previous = equity
        n += 1
        sumR += r
        sumR2 += r * r
        let excess = r - dailyRate
        if excess < 0 { sumDown2 += excess * excess }
        sumEquity += equity
        if equity >= peak {
            if underwater { longestUnderwater = max(longestUnderwater, peakDate!.days(to: date)) }
            underwater = false
            peak = equity
            peakDate = date
        } else {
            underwater = true
            let d = peak - equity
            if d > (ddDollars?.depth ?? 0) { ddDollars = RunDrawdown(depth: d, peak: peakDate!, trough: date) }
            let f = d / peak
            if f > (ddPct?.depth ?? 0) { ddPct = RunDrawdown(depth: f, peak: peakDate!, trough: date) }
        }
    }

    var meanEquity: Double { n > 0 ? sumEquity / Double(n) : initial }

    func figures(trades: [PathTrade], cycles: Int, failedCycles: Int, worstCycle: Double?, cyclesPnl: Double, worstStep: Int,
                 hedgePremium: Double, hedgePnl: Double, fees: Double) -> RunFigures {
        let final = n > 0 ? previous : initial
        let start = first ?? CalendarDate(serial: 0)
        let calendarDays = first.flatMap { f in last.map { f.days(to: $0) } } ?? 0
        let years = Double(calendarDays) / 365
        var cagr: Double? = nil
        if calendarDays > 0 {
            cagr = final > 0 ? pow(final / initial, 365 / Double(calendarDays)) - 1 : -1
        }
        let count = Double(max(n, 1))
        let mean = sumR / count
        let sd = max(0, sumR2 / count - mean * mean).squareRoot()
        let excess = mean - dailyRate
        let down = (sumDown2 / count).squareRoot()
        var wins = 0, losses = 0, scratches = 0
        var winSum = 0.0, lossSum = 0.0
        for t in trades {
            if abs(t.result) < MartingaleState.scratch { scratches += 1 }
            else if t.result > 0 { wins += 1; winSum += t.result }
            else { losses += 1; lossSum -= t.result }
        }
        let decided = wins + losses
        var longest = longestUnderwater
        if underwater, let p = peakDate, let l = last { longest = max(longest, p.days(to: l)) }
        let none = RunDrawdown(depth: 0, peak: start, trough: start)
        return RunFigures(
            cagr: cagr,
            volatility: sd * 252.0.squareRoot(),
            sharpe: n > 0 && sd > 0 ? excess / sd * 252.0.squareRoot() : nil,
            sortino: n > 0 && down > 0 ? excess / down * 252.0.squareRoot() : nil,
            maxDrawdown: ddDollars ?? none, maxDrawdownPct: ddPct ?? none,
            longestUnderwaterDays: longest,
            winRate: decided > 0 ? Double(wins) / Double(decided) : nil,
            profitFactor: losses > 0 ? winSum / lossSum : nil,
            averageWin: wins > 0 ? winSum / Double(wins) : nil,
            averageLoss: losses > 0 ? lossSum / Double(losses) : nil,
            wins: wins, losses: losses, scratches: scratches, trades: trades.count,
            cycles: cycles, failedCycles: failedCycles, worstCycle: worstCycle, cyclesPnl: cyclesPnl, worstStep: worstStep,
            hedgeCostPerYear: years > 0 && meanEquity > 0 ? hedgePremium / meanEquity / years : nil,
            hedgePremium: hedgePremium, hedgePnl: hedgePnl, fees: fees,
            initialEquity: initial, finalEquity: final, days: n, calendarDays: calendarDays)
    }
}
