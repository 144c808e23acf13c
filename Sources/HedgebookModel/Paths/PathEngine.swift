#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The one engine of METHOD §9: a condor's life, its hedge layers and the martingale, played one
/// close at a time over any path (history, simulation). Pure: no clock, no files.
///
/// Each close is played in the method's order:
/// 1. hedge layers whose expiry is today settle;
/// 2. the open condor's exits are tested (expiry, stop, target, time); a close sells L1 and L2
///    under `hedgeclose withcondor` and feeds the result to the martingale at once;
/// 3. with no condor open and the entry day reached, a condor opens (never on the last day);
/// 4. while a condor is open, the layers' triggers are tested, L1, L2, L3.
///
/// On the path's last day whatever is still open is closed at its open P&L (reason `end`).
/// Call ``play(_:next:)`` for each day in order (`next` is the following day's date, `nil` on
/// the last), then ``finish()``; or ``run(_:settings:)`` for a whole array.
public struct PathEngine: Sendable {
    public let settings: PathSettings
    /// The martingale and the realised equity.
    public internal(set) var account: MartingaleState
    /// Whether the daily marked equity is kept (a long simulation keeps only the figures).
    public let recordsCurve: Bool

    var condor: OpenCondor?
    var layers: [OpenLayer] = []
    var trades: [PathTrade] = []
    var layerRecords: [PathLayer] = []
    var curve: [(CalendarDate, Double)] = []
    var figures: FiguresAccumulator
    var dayIndex = 0
    var nextEntry = 0
    var lastSerial: Int?
    var pendingNext: (date: CalendarDate, serial: Int)?
    /// Layers realised today before a condor opened: they net into a condor opened today.
    var realisedToday = 0.0
    /// The open condor's P&L at this close, from its exit tests (the marks do not change within a close).
    var condorMark = 0.0
    /// A calendar event with no condor open counts until this cycle ends.
    var eventCycle: Int?
    var failedCycles = 0
    var worstCycle: Double?
    var cyclesPnl = 0.0
    var worstStep = 0
    var hedgePremium = 0.0
    var hedgePnl = 0.0
    var fees = 0.0
    var unsized: Int = 0
    var unsizedReason: String?
    let flatMarket: Market
    /// The market's scalars, read on every close.
    let rate: Double, dividend: Double, skew: Double, vixLongRun: Double, vixSpeed: Double
    /// Marks shared with engines playing the same path in lockstep (``PathSimulation``).
    var memo: MarkMemo?

    /// An engine at a fresh cycle, step 1, with no positions.
    public init(settings: PathSettings, recordsCurve: Bool = true) throws(ModelError) {
        try settings.validate()
        self.settings = settings
        self.account = try MartingaleState(account: settings.startEquity, settings: settings.sizing)
        self.recordsCurve = recordsCurve
        self.figures = FiguresAccumulator(initial: settings.startEquity, rate: settings.market.rate)
        var m = settings.market
        m.vixFutureQuotes = [:]
        self.flatMarket = m
        rate = m.rate
        dividend = m.dividendYield
        skew = m.skew
        vixLongRun = m.vixLongRun
        vixSpeed = m.vixSpeed
    }

    /// Plays a whole path.
    public static func run(_ days: [PathDay], settings: PathSettings) throws(ModelError) -> PathRun {
        var engine = try PathEngine(settings: settings)
        for i in days.indices {
            try engine.play(days[i], next: i + 1 < days.count ? days[i + 1].date : nil)
        }
        return engine.finish()
    }

    /// Plays one close. `next` is the date of the path's next day, `nil` when this is the last.
    public mutating func play(_ day: PathDay, next: CalendarDate?) throws(ModelError) {
        // A day's serial is the previous call's `next` (computed once, not twice).
        let serial = pendingNext.flatMap { $0.date == day.date ? $0.serial : nil } ?? day.date.serial
        let nextSerial = next?.serial
        pendingNext = next.map { ($0, nextSerial!) }
        try play(day, serial: serial, next: nextSerial)
    }

    /// ``play(_:next:)`` with the day's serial and the next day's (`nil` on the last) already known.
    mutating func play(_ day: PathDay, serial: Int, next nextSerial: Int?) throws(ModelError) {
        let next = nextSerial
        guard day.spx > 0, day.spx.isFinite, day.vix > 0, day.vix.isFinite else {
            throw .outOfRange(quantity: "path close on \(day.date)", value: day.spx > 0 ? day.vix : day.spx,
                              valid: "positive SPX and VIX closes")
        }
        if let v = day.vvix, !(v > 0 && v.isFinite) {
            throw .outOfRange(quantity: "VVIX close on \(day.date)", value: v, valid: "a positive level")
        }
        let d = Day(day, serial: serial, next: nextSerial, vvix: flatMarket.vvix)
        if let lastSerial, d.serial <= lastSerial {
            throw .outOfRange(quantity: "path day \(day.date)", value: 0, valid: "after \(CalendarDate(serial: lastSerial)): days in order")
        }
        if let n = d.next, n <= d.serial {
            throw .outOfRange(quantity: "next path day \(CalendarDate(serial: n))", value: 0, valid: "after \(day.date)")
        }
        lastSerial = d.serial
        realisedToday = 0
        if settings.trade.eventTrigger && day.event {
            if condor != nil { condor!.event = true } else { eventCycle = account.cycle }
        }
        settleLayers(d)
        if condor != nil { testExits(d) }
        if condor == nil, dayIndex >= nextEntry, next != nil { openCondor(d) }
        if condor != nil, settings.trade.hedging, next != nil { testTriggers(d) }
        if next == nil { closeAll(d) }
        let condorPnL = condor.map { c in c.open == day.date ? openPnL(c, d) : condorMark } ?? 0
        let marked = account.equity + condorPnL
            + layers.reduce(0) { $0 + layerOpenPnL($1, d) }
        figures.add(day.date, marked)
        if recordsCurve { curve.append((day.date, marked)) }
        dayIndex += 1
    }

    /// The run so far, with whatever is open left as it is (call after the last day for a full run).
    public func finish() -> PathRun {
        PathRun(
            trades: trades, layers: layerRecords, equityCurve: curve,
            figures: figures.figures(
                trades: trades, cycles: account.completedCycleCount, failedCycles: failedCycles,
                worstCycle: worstCycle, cyclesPnl: cyclesPnl, worstStep: worstStep, hedgePremium: hedgePremium,
                hedgePnl: hedgePnl, fees: fees),
            unsizedDays: unsized, unsizedReason: unsizedReason)
    }

    /// The marked equity after the last close played.
    public var markedEquity: Double { figures.previous }
}

/// A day's closes with what every rule asks of them.
struct Day {
    let date: CalendarDate
    /// `date.serial`, and the next day's (`nil` on the path's last day).
    let serial: Int
    let next: Int?
    let spx: Double
    let vix: Double
    let vvix: Double

    init(_ day: PathDay, serial: Int, next: Int?, vvix: Double) {
        date = day.date
        self.serial = serial
        self.next = next
        spx = day.spx
        vix = day.vix
        self.vvix = day.vvix ?? vvix
    }

    /// The session market of this close: `base` with the day's SPX, VIX and VVIX.
    func market(_ base: Market) -> Market {
        var m = base
        m.spx = spx
        m.vix = vix
        m.vvix = vvix
        return m
    }

    /// Whether an option expiring on day `expiry` (a serial) settles at this close: on its date, or
    /// on the path's last day before it when the date has no close (METHOD §9).
    func settles(_ expiry: Int) -> Bool {
        if serial >= expiry { return true }
        if let next { return next > expiry }
        return false
    }
}
