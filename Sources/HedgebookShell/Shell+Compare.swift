import HedgebookModel

/// `compare A B`: the key results of two branches side by side, with B − A.
extension Shell {
    func compare(_ nameA: String, _ nameB: String) throws(CommandFailure) -> Outcome {
        guard let a = branches.session(nameA) else { throw branches.unknown(nameA, argument: 0) }
        guard let b = branches.session(nameB) else { throw branches.unknown(nameB, argument: 1) }
        let fa = Self.keyFigures(a), fb = Self.keyFigures(b)
        var rows: [[String]] = []
        var json: [JSONValue] = []
        for (x, y) in zip(fa, fb) {
            let diff: String
            if let u = x.value, let v = y.value, u != v {
                diff = (v > u ? "+" : "−") + x.format(abs(v - u))
            } else {
                diff = x.value != nil && y.value != nil ? "=" : ""
            }
            rows.append([x.name, x.value.map(x.format) ?? "—", y.value.map(x.format) ?? "—", diff])
            json.append(.object([("name", .string(x.name)), ("a", .num(x.value)), ("b", .num(y.value))]))
        }
        let text = Table(header: ["", nameA, nameB, "\(nameB) − \(nameA)"], rows: rows).render()
        return Outcome(text: text, result: .object([
            ("branches", .array([.string(nameA), .string(nameB)])), ("rows", .array(json)),
        ]))
    }

    /// A figure's name, format and value on one branch.
    struct Figure {
        var name: String
        var format: (Double) -> String
        var value: Double?
    }

    /// Equity, step, cycle, next budget, condor and layer contracts, and the journal's figures.
    static func keyFigures(_ s: Session) -> [Figure] {
        let state = s.state, acc = state.account
        func report(_ command: Command) -> [(String, JSONValue)]? {
            var scratch = state
            var appended: [JournalEntry] = []
            return try? Evaluator.evaluate(command, state: &scratch, log: s.log, appending: &appended, cells: []).result
        }
        func number(_ pairs: [(String, JSONValue)]?, _ key: String, _ inner: String? = nil) -> Double? {
            guard let value = pairs?.first(where: { $0.0 == key })?.1 else { return nil }
            if let inner, case .object(let o) = value { return number(o, inner) }
            if case .number(let x) = value { return x }
            return nil
        }
        let condor = report(.condor), layers = report(.layers), journal = report(.journal)
        var layerContracts: Double?
        if case .array(let items)? = layers?.first(where: { $0.0 == "layers" })?.1 {
            layerContracts = items.reduce(0.0) { sum, item in
                guard case .object(let o) = item else { return sum }
                return sum + (number(o, "contracts") ?? 0)
            }
        }
        let money: (Double) -> String = { Fmt.money($0) }
        let count: (Double) -> String = { Fmt.plain($0, decimals: 0) }
        let pct: (Double) -> String = { Fmt.percent($0) }
        let has = acc.hasAccount
        return [
            Figure(name: "equity", format: money, value: has ? acc.equity : nil),
            Figure(name: "marked equity", format: money, value: has ? Evaluator.markedEquity(state) : nil),
            Figure(name: "step", format: count, value: has ? Double(acc.step) : nil),
            Figure(name: "cycle", format: count, value: has ? Double(acc.cycle) : nil),
            Figure(name: "next risk budget", format: money, value: has ? (try? acc.riskBudget(settings: state.sizing))?.amount : nil),
            Figure(name: "condor contracts", format: count, value: number(condor, "contracts")),
            Figure(name: "hedge layers' contracts", format: count, value: layerContracts),
            Figure(name: "journal win rate", format: pct, value: number(journal, "winRate")),
            Figure(name: "max drawdown", format: money, value: number(journal, "maxDrawdown", "dollars")),
            Figure(name: "IRR", format: pct, value: number(journal, "irr")),
        ]
    }
}
