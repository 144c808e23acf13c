#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A hedge layer held on a path.
struct OpenLayer: Sendable {
    let kind: HedgeLayerKind
    let bought: CalendarDate
    let expiry: CalendarDate
    let expirySerial: Int
    let contracts: Int
    let longStrike: Double
    let shortStrike: Double?
    /// `fill × 100 × contracts`.
    let premium: Double
    let openingFees: Double

    var legs: Int { shortStrike == nil ? 1 : 2 }
}

extension PathEngine {
    /// The layer's mids at this close: Black-76 on the §2 future of its days left, σ_v of those days.
    func layerMids(_ kind: HedgeLayerKind, long: Double, short: Double?, days: Int, _ d: Day) -> (Double, Double?) {
        let t = Double(days) / 365
        let f = vixLongRun + (d.vix - vixLongRun) * exp(-vixSpeed * t)
        let v = (d.vvix / 100) * pow(30 / Double(max(days, 1)), 0.35)
        let l = Black76.price(.call, forward: f, strike: long, years: t, rate: rate, volatility: v)
        let s = short.map { Black76.price(.call, forward: f, strike: $0, years: t, rate: rate, volatility: v) }
        return (l, s)
    }

    /// Sale value before fees: the long call at max(0, mid − slippage), less the short call
    /// bought back at mid + slippage, × 100 × contracts.
    func saleValue(_ l: OpenLayer, _ d: Day) -> Double {
        let unit: Double
        if let memo {
            let key = (l.expirySerial, l.longStrike, l.shortStrike ?? -1, -1.0, -1.0)  // a condor's long call is never −1
            unit = memo.value(serial: d.serial, key) { layerUnitSale(l, d) }
        } else {
            unit = layerUnitSale(l, d)
        }
        return unit * 100 * Double(l.contracts)
    }

    /// One unit's sale before fees: the long call at max(0, mid − slippage) less the short call at mid + slippage.
    func layerUnitSale(_ l: OpenLayer, _ d: Day) -> Double {
        let (long, short) = layerMids(l.kind, long: l.longStrike, short: l.shortStrike, days: l.expirySerial - d.serial, d)
        let t = settings.trade
        var unit = t.sellFill(mid: long, on: .vix)
        if let short { unit -= t.buyFill(mid: short, on: .vix) }
        return unit
    }

    /// What selling would bring after closing fees; a sale that does not exceed its fees is a
    /// write-off at zero with no fee (METHOD §12 item 1).
    func liquidation(_ l: OpenLayer, _ d: Day) -> (proceeds: Double, fees: Double) {
        let sale = saleValue(l, d)
        let f = settings.trade.fees(legs: l.legs, contracts: l.contracts)
        return sale > f ? (sale, f) : (0, 0)
    }

    /// What selling at this close would realise (fills and fees included).
    func layerOpenPnL(_ l: OpenLayer, _ d: Day) -> Double {
        let (proceeds, f) = liquidation(l, d)
        return proceeds - f - l.premium - l.openingFees
    }

    /// Step 1: layers whose expiry is today settle at intrinsic against the VIX close.
    mutating func settleLayers(_ d: Day) {
        for kind in HedgeLayerKind.allCases {
            guard let i = layers.firstIndex(where: { $0.kind == kind && d.settles($0.expirySerial) }) else { continue }
            let l = layers[i]
            var unit = max(0, d.vix - l.longStrike)
            if let s = l.shortStrike { unit -= max(0, d.vix - s) }
            realise(at: i, d, .expiry, proceeds: unit * 100 * Double(l.contracts), closingFees: 0)
        }
    }

    /// Sells (or writes off) the held layers whose kind passes `which`, L1 first.
    mutating func sellLayers(_ d: Day, _ reason: LayerExit, _ which: (HedgeLayerKind) -> Bool) {
        for kind in HedgeLayerKind.allCases where which(kind) {
            if let i = layers.firstIndex(where: { $0.kind == kind }) { sellLayer(at: i, d, reason) }
        }
    }

    /// Sells (or writes off) the layer at index `i`.
    mutating func sellLayer(at i: Int, _ d: Day, _ reason: LayerExit) {
        let (proceeds, f) = liquidation(layers[i], d)
        let why: LayerExit = proceeds == 0 && reason == .withCondor ? .writeOff : reason
        realise(at: i, d, why, proceeds: proceeds, closingFees: f)
    }

    mutating func realise(at i: Int, _ d: Day, _ reason: LayerExit, proceeds: Double, closingFees: Double) {
        let l = layers.remove(at: i)
        let fees = l.openingFees + closingFees
        let pnl = proceeds - l.premium - fees
        account.realise(pnl)
        self.fees += closingFees
        hedgePnl += pnl
        if condor != nil { condor!.netted += pnl } else { realisedToday += pnl }
        layerRecords.append(PathLayer(
            layer: l.kind, bought: l.bought, sold: d.date, reason: reason, contracts: l.contracts,
            strikes: l.shortStrike.map { [l.longStrike, $0] } ?? [l.longStrike],
            premium: l.premium, proceeds: proceeds, fees: fees, pnl: pnl))
    }

    /// Step 4: the triggers of L1, L2, L3, in that order, with the day's VIX and SPX (METHOD §6, §12 item 3).
    mutating func testTriggers(_ d: Day) {
        guard let c = condor else { return }
        let h = settings.hedge
        for kind in HedgeLayerKind.allCases where !c.hasBought(kind) && !layers.contains(where: { $0.kind == kind }) {
            let fires: Bool
            switch kind {
            case .l1:
                let level = c.underlying.level(spx: d.spx)
                fires = HedgeTriggers.atLeast(d.vix, h.spikeFactor * c.spikeReference) || condor!.event
                    || level < c.breakEvens.lowerBound || level > c.breakEvens.upperBound
            case .l2:
                guard let l1 = layers.first(where: { $0.kind == .l1 }) else { continue }
                let from = l1.bought.adding(days: h.timeShiftWindow.lowerBound)
                let to = l1.bought.adding(days: h.timeShiftWindow.upperBound)
                fires = from <= d.date && d.date <= to && layerOpenPnL(l1, d) < 0
            case .l3:
                fires = c.step >= h.anchorStep || HedgeTriggers.atLeast(d.vix, h.anchorVix)
            }
            if fires { buyLayer(kind, d) }
        }
    }

    /// Buys a layer sized by §6 with fills (METHOD §12 items 1 and 3); a size of zero buys nothing.
    ///
    /// ```
    /// per unit  = 40 × equity / 2,000,000 × (m2 × … × mk)     k = the open condor's step
    /// contracts = min(floor(units × per unit), floor(budget × equity / cost), floor(cap × equity / cost),
    ///                 floor((gross cap × equity − premium held) / cost))
    /// cost      = fill × 100 (fees excluded)
    /// ```
    mutating func buyLayer(_ kind: HedgeLayerKind, _ d: Day) {
        guard let c = condor, account.equity > 0 else { return }
        let h = settings.hedge
        let i = kind.rawValue
        let expiry = d.date.expiry(dte: h.dte[i])
        let days = d.date.days(to: expiry)
        guard days > 0 else { return }
        let f = flatMarket.vixLongRun + (d.vix - flatMarket.vixLongRun) * exp(-flatMarket.vixSpeed * (Double(days) / 365))
        let factor = kind.isSpread ? h.spreadStrikeFactor : h.anchorStrikeFactor
        let long = ceil(f * factor * (1 - 1e-9))
        guard long > 0 else { return }
        let short: Double? = kind.isSpread ? long + h.spreadWidth : nil
        let (lm, sm) = layerMids(kind, long: long, short: short, days: days, d)
        let t = settings.trade
        var fill = t.buyFill(mid: lm, on: .vix)
        if let sm { fill -= t.sellFill(mid: sm, on: .vix) }
        let cost = fill * 100
        guard cost > 0, cost.isFinite else { return }
        let equity = account.equity
        let perUnit = h.contractsPerUnitAtReference * equity / h.referenceEquity
            * RiskBudget.multiplierProduct(step: c.step, settings: settings.sizing)
        let held = layers.reduce(0) { $0 + $1.premium }
        let n = min(
            Self.whole(h.units[i] * perUnit),
            Self.whole(h.budgets[i] * equity / cost),
            Self.whole(settings.sizing.cap * equity / cost),
            Self.whole((h.grossCap * equity - held) / cost))
        guard n > 0 else { return }
        let layer = OpenLayer(
            kind: kind, bought: d.date, expiry: expiry, expirySerial: expiry.serial, contracts: n, longStrike: long, shortStrike: short,
            premium: cost * Double(n), openingFees: t.fees(legs: short == nil ? 1 : 2, contracts: n))
        layers.append(layer)
        condor!.bought |= 1 << UInt8(kind.rawValue)
        hedgePremium += layer.premium
        fees += layer.openingFees
    }

    /// `floor(x)` with a relative tolerance of 1e-9 (METHOD §12 item 5); 0 below zero.
    static func whole(_ x: Double) -> Int {
        guard x.isFinite, x > 0 else { return 0 }
        return Int((x * (1 + 1e-9)).rounded(.down))
    }
}
