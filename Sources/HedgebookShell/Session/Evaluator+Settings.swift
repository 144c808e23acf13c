import HedgebookModel

extension Evaluator {
    /// `set NAME VALUE`: validated on a copy, so a bad value changes nothing.
    static func set(_ setting: Setting, state: inout SessionState) throws(CommandFailure) -> Report {
        var next = state
        var note = ""
        switch setting {
        case .underlying(let u):
            next.condor.underlying = u
            if state.condor.width != nil {
                next.condor.width = nil
                note = " (wing width back to the \(u.ticker) default, \(Fmt.level(u.defaultWidth)) points)"
            }
        case .dte(let d): next.condor.dte = d
        case .delta(let d): next.condor.delta = d
        case .width(let w): next.condor.width = w
        case .skew(let k): next.market.skew = k
        case .base(let b): next.sizing.base = b
        case .multipliers(let m): next.sizing.multipliers = m
        case .steps(let s): next.sizing.steps = s
        case .reset(let r): next.sizing.reset = r
        case .cap(let c): next.sizing.cap = c
        case .grosscap(let g): next.hedge.grossCap = g
        case .stops(let s): next.sizing.stops = s
        case .theta(let t): next.market.vixLongRun = t
        case .kappa(let k): next.market.vixSpeed = k
        case .spotvol(let b): next.spotVol.elasticity = b
        case .slippage(let x): next.trade.slippage = x
        case .fees(let x): next.trade.fees = x
        case .target(let x): next.trade.target = x
        case .exitdte(let x): next.trade.exitDTE = x
        case .entrygap(let x): next.trade.entryGap = x
        case .hedging(let x): next.trade.hedging = x
        case .eventtrigger(let x): next.trade.eventTrigger = x
        case .hedgeclose(let x): next.trade.hedgeClose = x
        case .netting(let x): next.trade.netting = x
        case .vrp(let x): next.pathMarket.vrp = x
        case .mu(let x): next.pathMarket.mu = x
        case .rho(let x): next.pathMarket.rho = x
        case .kappav(let x): next.pathMarket.kappaV = x
        case .thetav(let x): next.pathMarket.thetaV = x
        case .jumps(let x): next.pathMarket.jumps = x
        case .jumpsize(let x): next.pathMarket.jumpSize = x
        case .jumpvix(let x): next.pathMarket.jumpVix = x
        }
        do {
            try next.condor.validate()
            try next.sizing.validate()
            try next.hedge.validate()
            try next.market.validate()
            try next.spotVol.validate()
            try next.trade.validate()
            try next.pathMarket.validate()
        } catch {
            throw CommandFailure(error.message, argument: 1)
        }
        if case .steps(let s) = setting, state.account.hasAccount, state.account.step > s {
            throw CommandFailure(
                "the current cycle is at step \(state.account.step); steps cannot be fewer than that",
                argument: 1, hint: "finish or reset the cycle first (`account` starts a new one)")
        }
        state = next
        let (name, value) = describe(setting, in: next)
        return Report(text: "\(name) = \(value)\(note)", result: [("setting", .string(name)), ("value", .string(value))])
    }

    /// A setting's name and its value as the language writes it.
    static func describe(_ setting: Setting, in state: SessionState) -> (String, String) {
        switch setting {
        case .underlying(let u): return ("underlying", u.rawValue)
        case .dte(let d): return ("dte", String(d))
        case .delta(let d): return ("delta", Fmt.delta(d))
        case .width(let w): return ("width", Fmt.level(w))
        case .skew(let k): return ("skew", Fmt.plain(k))
        case .base(let b): return ("base", Fmt.percent(b))
        case .multipliers(let m): return ("multipliers", m.map { Fmt.plain($0) }.joined(separator: " "))
        case .steps(let s): return ("steps", String(s))
        case .reset(let r): return ("reset", r.rawValue)
        case .cap(let c): return ("cap", Fmt.percent(c))
        case .grosscap(let g): return ("grosscap", Fmt.percent(g))
        case .stops(let s): return ("stops", s.map { $0.map { Fmt.percent($0) }.joined(separator: " ") } ?? "none")
        case .theta(let t): return ("theta", Fmt.plain(t))
        case .kappa(let k): return ("kappa", Fmt.plain(k))
        case .spotvol(let b): return ("spotvol", Fmt.plain(b))
        case .slippage(let x): return ("slippage", Fmt.plain(x))
        case .fees(let x): return ("fees", Fmt.money(x))
        case .target(let x): return ("target", x.map { Fmt.percent($0) } ?? "none")
        case .exitdte(let x): return ("exitdte", x.map { String($0) } ?? "none")
        case .entrygap(let x): return ("entrygap", String(x))
        case .hedging(let x): return ("hedging", x ? "on" : "off")
        case .eventtrigger(let x): return ("eventtrigger", x ? "on" : "off")
        case .hedgeclose(let x): return ("hedgeclose", x.rawValue)
        case .netting(let x): return ("netting", x.rawValue)
        case .vrp(let x): return ("vrp", Fmt.plain(x))
        case .mu(let x): return ("mu", Fmt.percent(x))
        case .rho(let x): return ("rho", Fmt.plain(x))
        case .kappav(let x): return ("kappav", Fmt.plain(x))
        case .thetav(let x): return ("thetav", Fmt.plain(x))
        case .jumps(let x): return ("jumps", Fmt.plain(x))
        case .jumpsize(let x): return ("jumpsize", Fmt.percent(x))
        case .jumpvix(let x): return ("jumpvix", Fmt.plain(x))
        }
    }

    /// Every setting in force, as `set` lines would write them.
    static func allSettings(_ s: SessionState) -> [Setting] {
        [.underlying(s.condor.underlying), .dte(s.condor.dte), .delta(s.condor.delta),
         .width(s.condor.effectiveWidth), .skew(s.market.skew), .base(s.sizing.base),
         .multipliers(s.sizing.multipliers), .steps(s.sizing.steps), .reset(s.sizing.reset),
         .cap(s.sizing.cap), .grosscap(s.hedge.grossCap), .stops(s.sizing.stops),
         .theta(s.market.vixLongRun), .kappa(s.market.vixSpeed), .spotvol(s.spotVol.elasticity),
         .slippage(s.trade.slippage), .fees(s.trade.fees), .target(s.trade.target), .exitdte(s.trade.exitDTE),
         .entrygap(s.trade.entryGap), .hedging(s.trade.hedging), .eventtrigger(s.trade.eventTrigger),
         .hedgeclose(s.trade.hedgeClose), .netting(s.trade.netting),
         .vrp(s.pathMarket.vrp), .mu(s.pathMarket.mu), .rho(s.pathMarket.rho), .kappav(s.pathMarket.kappaV),
         .thetav(s.pathMarket.thetaV), .jumps(s.pathMarket.jumps), .jumpsize(s.pathMarket.jumpSize),
         .jumpvix(s.pathMarket.jumpVix)]
    }

    /// The `settings` report: market inputs and settings.
    static func settingsReport(_ s: SessionState) -> Report {
        var rows: [(String, String)] = [
            ("date", s.date.description), ("spx", Fmt.level(s.market.spx)), ("vix", Fmt.level(s.market.vix)),
            ("rate", Fmt.percent(s.market.rate)), ("dividend", Fmt.percent(s.market.dividendYield)),
            ("vvix", Fmt.level(s.market.vvix)),
        ]
        for (dte, level) in s.market.vixFutureQuotes.sorted(by: { $0.key < $1.key }) {
            rows.append(("future \(dte)", Fmt.level(level) + " (quoted)"))
        }
        var json: [(String, JSONValue)] = [("date", .string(s.date.description))] + marketJSON(s.market)
        for setting in allSettings(s) {
            let (name, value) = describe(setting, in: s)
            rows.append(("set " + name, value))
            // `skew` is already there as a number with the market inputs: one key, one value.
            if !json.contains(where: { $0.0 == name }) { json.append((name, .string(value))) }
        }
        return Report(text: keyValueLines(rows), result: json)
    }
}
