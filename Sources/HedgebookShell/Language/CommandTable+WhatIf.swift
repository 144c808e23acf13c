import HedgebookModel

extension CommandTable {
    static func option(_ keyword: String, _ what: String, _ unit: NumberSpec.Unit = .plain,
                       integer: Bool = false, sign: NumberSpec.Sign = .positive) -> Parameter {
        Parameter(name: keyword == "winrate" ? "rate" : "value",
                  kind: .labeled(keyword, NumberSpec(what: what, unit: unit, sign: sign, integer: integer)),
                  presence: .optional)
    }

    static func branchName() -> Parameter { Parameter(name: "branch", kind: .path) }

    /// The what-if commands: the Monte Carlo, the risk graph and forks of the session.
    static let whatIf: [CommandSpec] = [
        CommandSpec(name: "simulate", group: .reports,
                    summary: "Play the method N years on simulated markets (each condor's life, its hedges and the martingale; beside flat sizing, no hedges, neither and SPX held), or the pure progression N cycles (or trades) at a win rate you give. Options in any order; seed 1 unless given.",
                    parameters: [
                        number("N", "simulation length", integer: true),
                        choice("unit", "simulation unit", SimulationRequest.Unit.allCases),
                        option("paths", "number of paths", integer: true),
                        option("winrate", "win rate", .percent),
                        option("seed", "seed", integer: true, sign: .nonNegative),
                        option("win", "win per contract", .money),
                        option("loss", "loss per contract", .money),
                    ],
                    examples: ["simulate 10 years", "simulate 20 years paths 1000 seed 7", "simulate 1000 cycles winrate 70% seed 7", "simulate 500 trades winrate 60% paths 10000 win $150 loss $400"],
                    build: { a in
                        .simulate(SimulationRequest(
                            count: a.integer(0), unit: checked(a.word(1)), paths: a.optionalInteger(2),
                            winRate: a.optionalNumber(3), seed: a.optionalInteger(4),
                            win: a.optionalNumber(5), loss: a.optionalNumber(6)))
                    }),
        CommandSpec(name: "payoff", group: .reports,
                    summary: "Draw the risk graph of the open positions as held (the planned condor and layers when none): P&L against SPX at expiry, today and at a date (at 2026-02-01 or +7d), with break-evens, short strikes and spot; vix draws the layers against VIX; --svg FILE writes it as an SVG (--svg! overwrites).",
                    parameters: [
                        Parameter(name: "vix", kind: .choice(what: "payoff axis", choices: ["vix"]), presence: .optional),
                        labeled("at", "DATE|+Nd", "date of the T+N curve", .plain, presence: .optional),
                        Parameter(name: "--svg", kind: .choice(what: "payoff option", choices: ["--svg", "--svg!"]), presence: .optional),
                        Parameter(name: "file", kind: .path, presence: .optional),
                    ],
                    examples: ["payoff", "payoff +7d", "payoff at 2026-02-01", "payoff vix", "payoff --svg risk.svg"],
                    build: noBuild("payoff"), grammar: payoffGrammar),
        CommandSpec(name: "fork", group: .session,
                    summary: "Copy the session into a new branch and switch to it: try a what-if without touching the original (the first branch is main).",
                    parameters: [branchName()], examples: ["fork aggressive"], build: { .fork($0.path(0)) }),
        CommandSpec(name: "switch", group: .session, summary: "Switch to another branch of the session.",
                    parameters: [branchName()], examples: ["switch main"], build: { .switchBranch($0.path(0)) }),
        CommandSpec(name: "branches", group: .session,
                    summary: "List the session's branches with their cells and equity; * marks the current one.",
                    examples: ["branches"], build: { _ in .branches }),
        CommandSpec(name: "compare", group: .session,
                    summary: "Compare two branches side by side: equity, step, next risk budget, contracts, layers, win rate, drawdown, IRR.",
                    parameters: [branchName(), branchName()], examples: ["compare main aggressive"],
                    build: { .compare($0.path(0), $0.path(1)) }),
    ]
}

extension Arguments {
    /// The whole number at `i`, or `nil` when it was left out.
    func optionalInteger(_ i: Int) -> Int? {
        if case .integer(let n) = values[i] { return n }
        return nil
    }

    /// The path at `i`, or `nil` when it was left out.
    func optionalPath(_ i: Int) -> String? {
        if case .path(let p) = values[i] { return p }
        return nil
    }
}
