import HedgebookModel

/// One command of the language, parsed and typed, before the session evaluates it.
///
/// Values are already in model units: percentages and deltas are fractions
/// (`1.5%` → `0.015`, delta `16` → `0.16`), money is dollars.
public enum Command: Equatable, Sendable {
    // Market inputs
    case date(CalendarDate)
    case spx(Double)
    case vix(Double)
    case rate(Double)
    case dividend(Double)
    case vvix(Double)
    /// A quoted VIX future for an expiry `dte` days away (`future 30 19.5`); `nil` level clears it.
    case future(dte: Int, level: Double?)
    /// Flags a market event (CPI, PPI, FOMC) on the session date: an L1 trigger.
    case event(MarketEvent)

    // Settings
    case set(Setting)

    // Account and results
    case account(Double)
    case deposit(Double)
    case withdraw(Double)
    case win(Double)
    case loss(Double)

    // Reports
    case condor
    case progression
    case layers
    case journal
    /// Every dated entry of the journal with the equity after each.
    case journalEntries
    /// The journal's entries written as CSV (`journal export FILE`, `journal export! FILE`).
    case journalExport(path: String, overwrite: Bool)
    /// The honest arithmetic of the progression at a win rate (from the condor's POP when `nil`).
    case risk(winRate: Double?)
    case why
    case price(Underlying, OptionKind, strike: Double, dte: Int)
    case settings
    /// The progression played many times on seeded draws, beside flat sizing.
    case simulate(SimulationRequest)
    /// The risk graph of what is held (or planned): P&L against SPX (or VIX) at expiry, today and
    /// T+N; with `svg`, written to that file.
    case payoff(PayoffRequest)

    // Positions and what-if (docs/whatif.md)
    /// Open the condor or buy a hedge layer: typed strikes, contracts and price, the model's for the rest.
    case open(OrderRequest)
    /// Close the condor (its P&L goes to the progression) or sell a hedge layer, at a typed or the model's price.
    case close(CloseRequest)
    /// A market price for a held position or a listed option: marks at it until the market moves.
    case quote(QuoteRequest)
    /// The implied volatility of a price (or of the quotes of a position's legs) beside the model's σ.
    case impliedVol(ImpliedVolRequest)
    /// Move the session date forward; positions past their expiry settle at intrinsic value.
    case advance(days: Int)
    case positions
    case shock(ShockRequest)
    case grid(GridRequest)
    indirect case sweep(SweepRequest)

    // Session
    case undo
    case redo
    case history
    case save(path: String, overwrite: Bool)
    case load(path: String)
    /// `load! FILE`: the session replaced by the file's cells.
    case loadReplacing(path: String)
    case help(topic: String?)
    case quit
    /// Restore the session an earlier hedgebook did not close, from its journal.
    case recover
    /// Forks: copy the session into a new branch, switch, list, compare two.
    case fork(String)
    case switchBranch(String)
    case branches
    case compare(String, String)

    // Notebook
    /// A comment-only line (`# text`) kept as a cell: prints nothing, changes nothing; prose when exported.
    case note(String)
    /// Replace cell N with a command (its source text kept for `save`) and re-run the cells after it.
    indirect case edit(cell: Int, command: Command, input: String)
    /// Insert a command before cell N (N = cells + 1 appends) and re-run the cells after it.
    indirect case insert(cell: Int, command: Command, input: String)
    /// Remove cell N and re-run the cells after it.
    case drop(cell: Int)
    /// Print cell N's output again.
    case show(cell: Int)
    /// Write the session as a Markdown notebook.
    case export(path: String, overwrite: Bool)

    // Market history (docs/data.md)
    /// `data`, `data list`, `data import KIND FILE [--replace]`: the store, not the session.
    case data(DataRequest)
    /// `replay DATE` / `replay off`: the session's market follows history (Command+History.swift).
    case replay(ReplayRequest)
    /// The method over stored history (Command+Backtest.swift).
    case backtest(BacktestRequest)
    /// The next trading day of a replay.
    case next
}

/// Market events the sources name as L1 triggers.
public enum MarketEvent: String, Equatable, Sendable, CaseIterable {
    case cpi, ppi, fomc
}

/// One `set NAME VALUE` setting.
public enum Setting: Equatable, Sendable {
    case underlying(Underlying)       // spx | xsp
    case dte(Int)
    case delta(Double)                // fraction: 16 → 0.16
    case width(Double)                // points
    case skew(Double)                 // vol points per 10% log-moneyness
    case base(Double)                 // fraction
    case multipliers([Double])
    case steps(Int)
    case reset(ResetRule)
    case cap(Double)                  // fraction
    case grosscap(Double)             // fraction
    case stops([Double]?)             // fractions, nil = none
    case theta(Double)                // VIX long-run level
    case kappa(Double)                // VIX mean-reversion speed per year
    case spotvol(Double)              // VIX elasticity to SPX in what-ifs
    case slippage(Double)             // points per leg per fill
    case fees(Double)                 // dollars per contract per leg per fill
    case target(Double?)              // fraction of the credit, nil = none
    case exitdte(Int?)                // days left, nil = none
    case entrygap(Int)                // trading days
    case hedging(Bool)
    case eventtrigger(Bool)
    case hedgeclose(HedgeClose)
    case netting(Netting)
    case vrp(Double)
    case mu(Double)                   // fraction a year
    case rho(Double)
    case kappav(Double)
    case thetav(Double)
    case jumps(Double)                // a year
    case jumpsize(Double)             // fraction
    case jumpvix(Double)              // multiple
}
