#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// An open condor on a path.
struct OpenCondor: Sendable {
    let open: CalendarDate
    let expiry: CalendarDate
    let expirySerial: Int
    let step: Int
    let contracts: Int
    let underlying: Underlying
    /// Long put, short put, short call, long call.
    let strikes: (lp: Double, sp: Double, sc: Double, lc: Double)
    /// Per contract, as filled: the model mids with slippage, less the opening fees.
    let creditPerContract: Double
    /// Total received after the opening fees.
    let credit: Double
    let openingFees: Double
    /// L1's spike reference: the VIX close of the opening day.
    let spikeReference: Double
    let breakEvens: ClosedRange<Double>
    /// The layers realised during its days, fees included.
    var netted: Double
    /// A flagged event counts until it closes.
    var event: Bool
    /// The layers bought for it (each at most once), one bit per layer.
    var bought: UInt8 = 0

    func hasBought(_ kind: HedgeLayerKind) -> Bool { bought & (1 << UInt8(kind.rawValue)) != 0 }
}

extension PathEngine {
    /// Step 3: a condor opens by §4 and §5, or the entry moves to the next day.
    mutating func openCondor(_ d: Day) {
        let expiry = d.date.expiry(dte: settings.condor.dte)
        let days = d.date.days(to: expiry)
        var cs = settings.condor
        cs.dte = days
        let market = d.market(flatMarket)
        let build = { () -> Result<IronCondor, ModelError> in
            guard days > 0 else { return .failure(.unavailable("the expiry moved back to Friday leaves no day to expiry")) }
            do throws(ModelError) {
                return .success(try IronCondor.build(market: market, settings: cs))
            } catch { return .failure(error) }
        }
        let built: IronCondor
        switch memo.map({ $0.condor(serial: d.serial, dte: days, build) }) ?? build() {
        case .success(let c): built = c
        case .failure(let error): return skipEntry(d, "no condor on \(d.date): \(error.message)")
        }
        let t = settings.trade
        let u = cs.underlying
        let legFees = t.fees(legs: 4, contracts: 1)
        let perContract = 100 * (t.sellFill(mid: built.shortPutQuote.price, on: u)
            + t.sellFill(mid: built.shortCallQuote.price, on: u)
            - t.buyFill(mid: built.longPutQuote.price, on: u)
            - t.buyFill(mid: built.longCallQuote.price, on: u)) - legFees
        guard perContract > 0 else {
            return skipEntry(d, "the credit as filled on \(d.date) is \(ModelFormat.signedDollars(perContract)) a contract: no trade")
        }
        let maxLoss = 100 * built.width - perContract
        let contracts: Int
        do throws(ModelError) {
            guard account.equity > 0 else { throw ModelError.unavailable("the equity is at or below zero") }
            let sized = try account.size(credit: perContract, maxLoss: maxLoss, settings: settings.sizing)
            contracts = sized.contracts
            if contracts == 0 {
                return skipEntry(d, sized.finding ?? "the budget cannot buy one contract")
            }
        } catch {
            return skipEntry(d, "no size on \(d.date): \(error.message)")
        }
        let n = Double(contracts)
        let c = OpenCondor(
            open: d.date, expiry: expiry, expirySerial: expiry.serial, step: min(max(account.step, 1), settings.sizing.steps),
            contracts: contracts, underlying: u,
            strikes: (built.longPut, built.shortPut, built.shortCall, built.longCall),
            creditPerContract: perContract, credit: perContract * n, openingFees: legFees * n,
            spikeReference: d.vix,
            breakEvens: (built.shortPut - perContract / 100)...(built.shortCall + perContract / 100),
            netted: realisedToday, event: eventCycle == account.cycle)
        condor = c
        fees += c.openingFees
    }

    mutating func skipEntry(_ d: Day, _ why: String) {
        unsized += 1
        if unsizedReason == nil { unsizedReason = why }
        nextEntry = dayIndex + 1
    }

    /// What closing the condor at this close would pay before fees: short legs at mid + slippage,
    /// long legs at max(0, mid − slippage), × 100 × contracts.
    func costToClose(_ c: OpenCondor, _ d: Day) -> Double {
        let unit: Double
        if let memo {
            let key = (c.expirySerial &* 2 &+ (c.underlying == .xsp ? 1 : 0), c.strikes.lp, c.strikes.sp, c.strikes.sc, c.strikes.lc)
            unit = memo.value(serial: d.serial, key) { condorUnitCost(c, d) }
        } else {
            unit = condorUnitCost(c, d)
        }
        return unit * 100 * Double(c.contracts)
    }

    /// The cost to close one unit (points): Σ short legs at mid + slippage − Σ long legs at max(0, mid − slippage).
    func condorUnitCost(_ c: OpenCondor, _ d: Day) -> Double {
        let t = Double(c.expirySerial - d.serial) / 365
        let tr = settings.trade
        let u = c.underlying
        let s = u.level(spx: d.spx)
        let value: Double
        let r = rate, q = dividend, skew = self.skew
        if t <= 0 {
            value = tr.buyFill(mid: max(c.strikes.sp - s, 0), on: u) + tr.buyFill(mid: max(s - c.strikes.sc, 0), on: u)
                - tr.sellFill(mid: max(c.strikes.lp - s, 0), on: u) - tr.sellFill(mid: max(s - c.strikes.lc, 0), on: u)
        } else {
            let sqrtT = t.squareRoot()
            let dq = exp(-q * t), dr = exp(-r * t)
            let forward = skew == 0 ? s : s * exp((r - q) * t)
            let drift = r - q
            let atm = d.vix / 100
            /// BlackScholes.price with the day's shared factors, σ(K) by §2 (`Market.spxVolatility`).
            func mid(_ kind: OptionKind, _ k: Double) -> Double {
                let v = skew == 0 ? max(0.01, atm) : max(0.01, atm + (skew / 100) * (-log(k / forward) / 0.10))
                let vsT = v * sqrtT
                let d1 = (log(s / k) + (drift + 0.5 * v * v) * t) / vsT
                let d2 = d1 - vsT
                switch kind {
                case .call: return s * dq * Normal.cdf(d1) - k * dr * Normal.cdf(d2)
                case .put: return k * dr * Normal.cdf(-d2) - s * dq * Normal.cdf(-d1)
                }
            }
            value = tr.buyFill(mid: mid(.put, c.strikes.sp), on: u) + tr.buyFill(mid: mid(.call, c.strikes.sc), on: u)
                - tr.sellFill(mid: mid(.put, c.strikes.lp), on: u) - tr.sellFill(mid: mid(.call, c.strikes.lc), on: u)
        }
        return value
    }

    func closingFees(_ c: OpenCondor) -> Double { settings.trade.fees(legs: 4, contracts: c.contracts) }

    /// What closing at this close would realise: credit − cost to close − closing fees.
    func openPnL(_ c: OpenCondor, _ d: Day) -> Double {
        c.credit - costToClose(c, d) - closingFees(c)
    }

    /// The intrinsic value at settlement against the day's SPX close, × 100 × contracts.
    func intrinsic(_ c: OpenCondor, _ d: Day) -> Double {
        let s = c.underlying.level(spx: d.spx)
        let put = max(0, c.strikes.sp - s) - max(0, c.strikes.lp - s)
        let call = max(0, s - c.strikes.sc) - max(0, s - c.strikes.lc)
        return (put + call) * 100 * Double(c.contracts)
    }

    /// Step 2: expiry, stop, target, time, in that order; the first that holds closes it.
    mutating func testExits(_ d: Day) {
        guard let c = condor else { return }
        if d.settles(c.expirySerial) {
            return closeCondor(d, .expiry, closeCost: intrinsic(c, d), closingFees: 0)
        }
        let cost = costToClose(c, d)
        let feesOut = closingFees(c)
        let pnl = c.credit - cost - feesOut
        condorMark = pnl
        let n = Double(c.contracts)
        if let stop = settings.sizing.stop(at: c.step), pnl <= -(stop * c.creditPerContract * n) {
            return closeCondor(d, .stop, closeCost: cost, closingFees: feesOut)
        }
        if let target = settings.trade.target, pnl >= target * c.creditPerContract * n {
            return closeCondor(d, .target, closeCost: cost, closingFees: feesOut)
        }
        if let exit = settings.trade.exitDTE, c.expirySerial - d.serial <= exit {
            return closeCondor(d, .time, closeCost: cost, closingFees: feesOut)
        }
    }

    /// Closes the condor: L1 and L2 go with it under `withcondor` (or every layer at the path's
    /// end), then its result goes through the martingale.
    mutating func closeCondor(_ d: Day, _ reason: TradeExit, closeCost: Double, closingFees: Double) {
        guard var c = condor else { return }
        if reason == .end {
            sellLayers(d, .end) { _ in true }
        } else if settings.trade.hedgeClose == .withCondor {
            sellLayers(d, .withCondor) { $0 != .l3 }
        }
        c.netted = condor!.netted
        let pnl = c.credit - closeCost - closingFees
        fees += closingFees
        let result = settings.trade.netting == .net ? pnl + c.netted : pnl
        let transition = account.record(result: result, equityChange: pnl, settings: settings.sizing)
        worstStep = max(worstStep, c.step)
        if let ended = transition?.endedCycle {
            if ended.outcome == .exhausted { failedCycles += 1 }
            worstCycle = min(worstCycle ?? ended.pnl, ended.pnl)
            cyclesPnl += ended.pnl
        }
        if let e = eventCycle, e != account.cycle { eventCycle = nil }
        trades.append(PathTrade(
            open: c.open, close: d.date, reason: reason, step: c.step, contracts: c.contracts,
            strikes: [c.strikes.lp, c.strikes.sp, c.strikes.sc, c.strikes.lc],
            credit: c.credit, closeCost: closeCost, pnl: pnl, hedgePnl: c.netted,
            fees: c.openingFees + closingFees, result: result, equity: account.equity))
        condor = nil
        nextEntry = dayIndex + settings.trade.entryGap
    }

    /// The path's last close: the condor and every layer still open are closed at their open P&L.
    mutating func closeAll(_ d: Day) {
        if let c = condor {
            closeCondor(d, .end, closeCost: costToClose(c, d), closingFees: closingFees(c))
        }
        sellLayers(d, .end) { _ in true }
    }
}
