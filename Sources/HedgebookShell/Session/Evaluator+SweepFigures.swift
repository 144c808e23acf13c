import HedgebookModel

extension Evaluator {
    /// One key figure of a command's JSON result: a top-level key, or a field of every element of
    /// an array (named by the element's `name`, `layer` or `step`: `L1.contracts`, `step2.riskBudget`).
    enum SweepFigure {
        case key(String)
        case each(String, String)
    }

    /// The key figures a sweep collects for `command`, or `nil` when it cannot be swept
    /// (session commands, `why`, `grid`, a nested `sweep`, `account` which a sweep sets itself).
    static func sweepFigures(_ command: Command) -> [SweepFigure]? {
        switch command {
        case .condor:
            return [.key("contracts"), .key("credit"), .key("maxLoss"), .key("riskBudget"), .key("gapRisk"), .key("pop")]
        case .layers:
            return [.each("layers", "contracts"), .each("layers", "premium"), .key("grossPremium")]
        case .progression:
            return [.key("riskBudget"), .each("steps", "contracts")]
        case .risk:
            return [.key("winRate"), .key("pCycleFails"), .key("worstCycleLoss"), .key("evPerCycle"), .key("breakEvenWinRate")]
        case .journal:
            return [.key("equity"), .key("winRate"), .key("irr"), .key("hedgeCostToCredit")]
        case .price:
            return [.key("price"), .key("delta"), .key("gamma"), .key("vega"), .key("theta")]
        case .positions, .shock:
            return [.each("positions", "pnl"), .key("net")]
        case .open:
            return [.key("contracts"), .key("credit"), .key("premium")]
        case .close, .advance:
            return [.key("pnl"), .key("equity"), .key("step"), .key("net")]
        case .win, .loss, .deposit, .withdraw:
            return [.key("equity"), .key("step"), .key("riskBudget")]
        default:
            return nil
        }
    }

    /// The figures present in `result`, in order; numbers, booleans and strings only.
    static func keyFigures(_ figures: [SweepFigure], _ result: [(String, JSONValue)]) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        for figure in figures {
            switch figure {
            case .key(let k):
                if let v = result.first(where: { $0.0 == k })?.1 { out.append((k, v)) }
            case .each(let array, let field):
                guard case .array(let items)? = result.first(where: { $0.0 == array })?.1 else { continue }
                for item in items {
                    guard case .object(let pairs) = item, let v = pairs.first(where: { $0.0 == field })?.1 else { continue }
                    out.append((elementName(pairs) + "." + field, v))
                }
            }
        }
        return out
    }

    /// How a swept figure prints: its column name and its format, as the swept command prints it.
    static func sweepColumn(_ key: String) -> (name: String, format: (Double) -> String) {
        let parts = key.split(separator: ".", maxSplits: 1)
        let prefix = parts.count == 2 ? String(parts[0]) + " " : ""
        let field = String(parts.last ?? "")
        let money: (Double) -> String = { Fmt.money($0) }
        let signed: (Double) -> String = { Fmt.pnl($0) }
        let percent: (Double) -> String = { Fmt.percent($0) }
        let whole: (Double) -> String = { Fmt.plain($0, decimals: 0) }
        let table: [String: (String, (Double) -> String)] = [
            "contracts": ("contracts", whole), "step": ("step", whole),
            "credit": ("credit", money), "maxLoss": ("max loss", money), "riskBudget": ("risk budget", money),
            "gapRisk": ("gap risk", money), "premium": ("premium", money), "grossPremium": ("gross premium", money),
            "worstCycleLoss": ("worst loss", money), "equity": ("equity", money), "price": ("price", money),
            "evPerCycle": ("expected P&L per cycle", signed), "pnl": ("P&L", signed), "net": ("net P&L", signed),
            "pop": ("P(profit)", percent), "winRate": ("win rate", percent), "pCycleFails": ("P(a cycle fails)", percent),
            "breakEvenWinRate": ("break-even win rate", percent), "irr": ("IRR", percent),
            "hedgeCostToCredit": ("hedge cost / credit", percent),
            "delta": ("Δ", { Fmt.plain($0, decimals: 3) }), "gamma": ("Γ", { Fmt.plain($0, decimals: 4) }),
            "vega": ("vega", { Fmt.plain($0, decimals: 2) }), "theta": ("θ", { Fmt.plain($0, decimals: 2) }),
        ]
        guard let (name, format) = table[field] else {
            return (key, { Fmt.plain($0, decimals: abs($0) < 1 ? 4 : 2) })
        }
        return (prefix + name, format)
    }

    static func elementName(_ pairs: [(String, JSONValue)]) -> String {
        for key in ["name", "layer"] {
            if case .string(let s)? = pairs.first(where: { $0.0 == key })?.1 { return s }
        }
        if case .number(let n)? = pairs.first(where: { $0.0 == "step" })?.1 { return "step" + Fmt.plain(n, decimals: 0) }
        return "item"
    }
}
