import HedgebookModel

extension Evaluator {
    /// `layers`: the ALVH 4/4/2 layers at the current equity and step, what bound each, and the triggers.
    static func layersReport(_ state: SessionState, log: [JournalEntry]) throws(CommandFailure) -> Report {
        _ = try budgetOrFail(state)
        let a = state.account
        let plan: HedgePlan
        let triggers: [HedgeTrigger]
        do {
            plan = try hedgePlan(state)
            let inputs = triggerInputs(state)
            triggers = try HedgeTriggers.evaluate(inputs, settings: state.hedge)
        } catch {
            throw .command(error.message)
        }
        var text = "ALVH 4/4/2 at equity \(Fmt.money(a.equity)), step \(a.step):"
            + " \(Fmt.plain(plan.contractsPerUnit, decimals: 2)) contracts per unit"
            + " (40 per unit at $2,000,000, × step ratio)\n"
        let rows = plan.layers.map { l -> [String] in
            let strikes = l.shortStrike.map { "\(Fmt.level(l.longStrike))/\(Fmt.level($0))" } ?? Fmt.level(l.longStrike)
            return [l.kind.label, Fmt.plain(state.hedge.units[l.kind.rawValue], decimals: 1), l.instrument,
                    strikes, "\(l.dte)d", Fmt.fixed(l.future, 2), Fmt.money(l.costPerContract),
                    String(l.contracts), Fmt.money(l.premium), l.boundBy.rawValue]
        }
        text += Table(
            header: ["layer", "units", "instrument", "strikes", "dte", "future", "cost/contract", "contracts",
                     "premium", "bound by"],
            rows: rows,
            alignment: [.left, .right, .left, .right, .right, .right, .right, .right, .right, .left]
        ).render()
        text += "\ngross premium \(Fmt.money(plan.totalPremium)) of a \(Fmt.money(plan.grossCapAmount))"
            + " gross cap (\(Fmt.percent(state.hedge.grossCap)) of equity)\n"
        text += "triggers:\n" + triggers.map { t in
            "  \(t.layer.label) \(t.fires ? "fires" : "waits")\(firedNote(t.layer, fires: t.fires, state)): " + t.reasons.joined(separator: "; ")
        }.joined(separator: "\n")
        if state.vixAtCycleStart == nil {
            text += "\n  (no VIX reference for the spike trigger until a cycle starts)"
        }
        text += heldLayersText(state)
        let layers: [JSONValue] = plan.layers.map { l in
            .object([
                ("name", .string(l.kind.label)), ("units", .num(state.hedge.units[l.kind.rawValue])),
                ("instrument", .string(l.instrument)), ("longStrike", .num(l.longStrike)),
                ("shortStrike", .num(l.shortStrike)), ("dte", .int(l.dte)), ("future", .num(l.future)),
                ("contracts", .int(l.contracts)), ("costPerContract", .num(l.costPerContract)),
                ("premium", .num(l.premium)), ("boundBy", .string(l.boundBy.rawValue)),
            ])
        }
        let triggerJSON: [JSONValue] = triggers.map { t in
            var pairs: [(String, JSONValue)] = [
                ("layer", .string(t.layer.label)), ("fires", .bool(t.fires)),
                ("reasons", .array(t.reasons.map { .string($0) })),
            ]
            if let fired = firstFired(t.layer, state) { pairs.append(("firstFired", .string(fired.description))) }
            if let w = t.window {
                pairs.append(("window", .array([.string(w.lowerBound.description), .string(w.upperBound.description)])))
            }
            return .object(pairs)
        }
        return Report(
            text: text,
            result: [("layers", .array(layers)), ("grossPremium", .num(plan.totalPremium)),
                     ("grossCap", .num(plan.grossCapAmount)), ("contractsPerUnit", .num(plan.contractsPerUnit)),
                     ("triggers", .array(triggerJSON))],
            explanations: [plan.perUnitExplanation] + plan.layers.map(\.explanation) + triggers.map(\.explanation))
    }
}
