import HedgebookModel

extension Evaluator {
    /// `date`, `spx`, `vix`, `rate`, `dividend`, `vvix`, `future`, `event`.
    static func market(_ command: Command, state: inout SessionState, lastEntryDate: CalendarDate?) throws(CommandFailure) -> Report {
        var market = state.market
        let line: String
        switch command {
        case .date(let d):
            if let last = lastEntryDate, d < last {
                throw CommandFailure(
                    "the journal already has an entry on \(last); the date cannot go back before it", hint: "use `undo` to take entries back first")
            }
            let moved = state.date.days(to: d)
            state.date = d
            let how = moved == 0 ? "" : moved > 0 ? " (+\(moved) days)" : " (\(moved) days)"
            return Report(text: "date \(d)\(how)", result: [("date", .string(d.description))])
        case .spx(let x): market.spx = x; line = "SPX \(Fmt.level(x))"
        case .vix(let x): market.vix = x; line = "VIX \(Fmt.level(x))"
        case .rate(let x): market.rate = x; line = "rate \(Fmt.percent(x))"
        case .dividend(let x): market.dividendYield = x; line = "dividend yield \(Fmt.percent(x))"
        case .vvix(let x): market.vvix = x; line = "VVIX \(Fmt.level(x))"
        case .future(let dte, let level):
            if let level {
                market.vixFutureQuotes[dte] = level
                var model = market
                model.vixFutureQuotes[dte] = nil
                line = "VIX future \(dte)d quoted at \(Fmt.level(level)) (model: \(Fmt.level(model.vixFuture(dte: dte))))"
            } else {
                market.vixFutureQuotes[dte] = nil
                line = "VIX future \(dte)d back to the model: \(Fmt.level(market.vixFuture(dte: dte)))"
            }
        case .event(let e):
            state.events.append(FlaggedEvent(event: e, date: state.date))
            return Report(
                text: "\(e.rawValue.uppercased()) flagged on \(state.date): an L1 trigger for this cycle",
                result: [("event", .string(e.rawValue)), ("date", .string(state.date.description))])
        default:
            preconditionFailure("not a market command")
        }
        do { try market.validate() } catch { throw CommandFailure(error.message, argument: 0) }
        state.market = market
        return Report(text: line, result: marketJSON(market))
    }

    static func marketJSON(_ m: Market) -> [(String, JSONValue)] {
        [("spx", .num(m.spx)), ("vix", .num(m.vix)), ("rate", .num(m.rate)),
         ("dividend", .num(m.dividendYield)), ("vvix", .num(m.vvix)), ("skew", .num(m.skew))]
    }
}
