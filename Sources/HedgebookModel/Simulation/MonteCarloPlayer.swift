/// The per-step figures every path of a run shares, in one flat buffer that the board owns,
/// so the trade loop reads them with one load each: no bounds checks, no reference counting.
struct StepTables {
    /// `[products | risk | loss]`, `steps` each: `m2 × … × mk` for step index `k − 1`, and the
    /// risk and loss per contract at each step.
    let figures: UnsafeMutablePointer<Double>
    /// Contracts per step when the run does not re-size (`resize: false`), else unused.
    let fixed: UnsafeMutablePointer<Double>
    let steps: Int
    let resize: Bool
    /// Fractional contracts (per dollar of budget) instead of whole ones.
    let fractional: Bool
    let winRate: Double
    let win: Double
    let cap: Double
    let maxLoss: Double
    let base: Double
    let resetOnWin: Bool
    let byCycles: Bool
    let goal: Int
    let seed: UInt64
    let startEquity: Double

    /// Tables for `config`; ``deallocate()`` frees them.
    init(_ config: MonteCarloConfig) {
        let s = config.settings
        steps = s.steps
        resize = config.resize
        fractional = config.fractional
        winRate = config.winRate
        win = config.winPerContract
        cap = s.cap
        maxLoss = config.maxLoss
        base = s.base
        resetOnWin = s.reset == .win
        if case .cycles = config.horizon { byCycles = true } else { byCycles = false }
        goal = config.horizon.count
        seed = config.seed
        startEquity = config.startEquity
        figures = .allocate(capacity: 3 * steps)
        fixed = .allocate(capacity: steps)
        let opening = FastAccount(equity: config.startEquity, base: s.base)
        for k in 0..<steps {
            let product = RiskBudget.multiplierProduct(step: k + 1, settings: s)
            (figures + k).initialize(to: product)
            (figures + steps + k).initialize(to: config.riskPerContract[k])
            (figures + 2 * steps + k).initialize(to: config.lossPerContract[k])
            (fixed + k).initialize(to: opening.contracts(product: product, cap: s.cap, risk: config.riskPerContract[k],
                                                          maxLoss: config.maxLoss, fractional: config.fractional))
        }
    }

    func deallocate() {
        figures.deallocate()
        fixed.deallocate()
    }

    @inline(__always) func product(_ k: Int) -> Double { figures[k] }
    @inline(__always) func risk(_ k: Int) -> Double { figures[steps + k] }
    @inline(__always) func loss(_ k: Int) -> Double { figures[2 * steps + k] }
}

/// One path in play: its random stream, the progression's account and the flat account,
/// which trade on the same draws.
struct PathPlayer {
    let index: Int
    var rng: Xoshiro256StarStar
    var prog: FastAccount
    var flat: FastAccount
    var flatPlaying = true

    init(index: Int, _ t: StepTables) {
        self.index = index
        rng = Xoshiro256StarStar(seed: t.seed, stream: UInt64(index))
        prog = FastAccount(equity: t.startEquity, base: t.base)
        flat = FastAccount(equity: t.startEquity, base: t.base)
    }

    /// Plays one trade and adds the horizon units it completed to `units`; returns false once
    /// the path is over (its horizon reached, or stopped because the budget cannot buy one
    /// contract or a loss would take the equity to zero — then the units it will never play
    /// are added too, so a run's progress always reaches its total).
    @inline(__always)
    mutating func trade(_ t: StepTables, units: inout Int) -> Bool {
        let before = t.byCycles ? prog.out.cycles : prog.out.trades
        let going = play(t)
        let after = t.byCycles ? prog.out.cycles : prog.out.trades
        units += going ? after - before : t.goal - before
        return going
    }

    /// Plays up to `count` trades (fewer when the path ends); returns false once it is over.
    @inline(__always)
    mutating func trades(_ count: Int, _ t: StepTables, units: inout Int) -> Bool {
        for _ in 0..<count where !trade(t, units: &units) { return false }
        return true
    }

    @inline(__always)
    private mutating func play(_ t: StepTables) -> Bool {
        let step = prog.step
        let c = t.resize ? prog.contracts(product: t.product(step), cap: t.cap, risk: t.risk(step), maxLoss: t.maxLoss, fractional: t.fractional)
            : t.fixed[step]
        let won = rng.nextUnit() < t.winRate
        guard c > 0, prog.trade(won: won, contracts: c, win: t.win, loss: t.loss(step),
                                steps: t.steps, resetOnWin: t.resetOnWin, base: t.base) else {
            prog.out.stopped = true
            return false
        }
        if flatPlaying {
            let cf = t.resize ? flat.contracts(product: 1, cap: t.cap, risk: t.risk(0), maxLoss: t.maxLoss, fractional: t.fractional) : t.fixed[0]
            flatPlaying = cf > 0 && flat.trade(won: won, contracts: cf, win: t.win, loss: t.loss(0),
                                               steps: 1, resetOnWin: true, base: t.base)
            flat.out.stopped = !flatPlaying
        }
        return (t.byCycles ? prog.out.cycles : prog.out.trades) < t.goal
    }

    /// The two outcomes, with their final equity.
    func outcomes() -> (PathOutcome, PathOutcome) {
        var p = prog.out, f = flat.out
        p.finalEquity = prog.equity
        f.finalEquity = flat.equity
        return (p, f)
    }
}
