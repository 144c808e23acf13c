/// How positions are filled, when a condor is closed, and how a path is played (METHOD §9).
public struct TradeSettings: Sendable, Equatable, Codable {
    /// Points per leg per fill, away from the model mid, on SPX and VIX legs (XSP legs a tenth).
    public var slippage: Double = 0.05
    /// Dollars per contract per leg per fill; none at settlement.
    public var fees: Double = 1.00
    /// Close when the profit ≥ target × credit; `nil`: no target.
    public var target: Double? = nil
    /// Close when the days left to expiry ≤ this; `nil`: no time exit.
    public var exitDTE: Int? = nil
    /// Trading days from a condor's close to the next condor's open (at least 1).
    public var entryGap: Int = 1
    /// Buy layers when their triggers fire (`false`: the condor alone).
    public var hedging: Bool = true
    /// Whether calendar events fire L1 on a path; a typed `event` always counts.
    public var eventTrigger: Bool = false
    /// When L1 and L2 are sold.
    public var hedgeClose: HedgeClose = .withCondor
    /// What the martingale is fed as a condor's result.
    public var netting: Netting = .net

    public init() {}

    /// No slippage and no fees: fills at the model mids.
    public static let frictionless: TradeSettings = {
        var t = TradeSettings()
        t.slippage = 0
        t.fees = 0
        return t
    }()

    /// The slippage of one leg on `underlying`, in its points (XSP takes a tenth).
    public func slippage(on underlying: Underlying) -> Double {
        underlying == .xsp ? slippage / 10 : slippage
    }

    /// A leg bought fills at mid + slippage (METHOD §12 item 1).
    public func buyFill(mid: Double, on underlying: Underlying) -> Double {
        mid + slippage(on: underlying)
    }

    /// A leg sold fills at max(0, mid − slippage) (METHOD §12 item 1).
    public func sellFill(mid: Double, on underlying: Underlying) -> Double {
        max(0, mid - slippage(on: underlying))
    }

    /// Fees of one fill of `legs` legs × `contracts` contracts.
    public func fees(legs: Int, contracts: Int) -> Double {
        fees * Double(legs) * Double(contracts)
    }

    /// Checks every field against what the model needs.
    public func validate() throws(ModelError) {
        _ = try Validate.inRange(slippage, 0...100, "slippage", valid: "0 to 100 points per leg")
        _ = try Validate.inRange(fees, 0...1000, "fees", valid: "$0 to $1,000 per contract per leg")
        if let target { _ = try Validate.inRange(target, 0.01...1, "target", valid: "between 1% and 100% of the credit") }
        if let exitDTE, !(0...3650).contains(exitDTE) {
            throw .outOfRange(quantity: "exit DTE", value: Double(exitDTE), valid: "0 to 3650 days")
        }
        guard (1...250).contains(entryGap) else {
            throw .outOfRange(quantity: "entry gap", value: Double(entryGap), valid: "1 to 250 trading days")
        }
    }
}

/// When hedge layers L1 and L2 are sold (METHOD §6); L3 is always held to its expiry.
public enum HedgeClose: String, Sendable, Equatable, Codable, CaseIterable {
    /// L1 and L2 are sold at the close on which the condor they protect closes.
    case withCondor = "withcondor"
    /// Every layer is held to its expiry.
    case expiry
}

/// What the martingale takes as a condor's result (METHOD §7).
public enum Netting: String, Sendable, Equatable, Codable, CaseIterable {
    /// The condor's P&L plus the layers realised during its life.
    case net
    /// The condor's own P&L.
    case condor
}

/// The simulated market of METHOD §10.
public struct PathMarketSettings: Sendable, Equatable, Codable {
    /// Realised ÷ implied volatility.
    public var vrp: Double = 0.80
    /// SPX drift a year.
    public var mu: Double = 0.07
    /// corr(Z₁, Z₂) of log VIX and log SPX shocks.
    public var rho: Double = -0.7
    /// Mean reversion speed of log VIX, a year.
    public var kappaV: Double = 5
    /// Long-run VIX level.
    public var thetaV: Double = 18
    /// Crashes a year.
    public var jumps: Double = 0.3
    /// SPX move of a crash (−7 %: SPX × 0.93).
    public var jumpSize: Double = -0.07
    /// VIX multiple of a crash.
    public var jumpVix: Double = 1.6

    public init() {}

    /// Checks every field against what the model needs.
    public func validate() throws(ModelError) {
        _ = try Validate.inRange(vrp, 0...5, "vrp", valid: "0 to 5 (realised ÷ implied volatility)")
        _ = try Validate.inRange(mu, -1...1, "mu", valid: "−100% to 100% a year")
        _ = try Validate.inRange(rho, -1...1, "rho", valid: "−1 to 1")
        _ = try Validate.inRange(kappaV, 0...100, "kappav", valid: "0 to 100 a year")
        _ = try Validate.inRange(thetaV, 1...200, "thetav", valid: "1 to 200")
        _ = try Validate.inRange(jumps, 0...50, "jumps", valid: "0 to 50 a year")
        _ = try Validate.inRange(jumpSize, -0.9...0.5, "jumpsize", valid: "−90% to 50%")
        _ = try Validate.inRange(jumpVix, 0.1...10, "jumpvix", valid: "0.1 to 10")
    }
}
