import HedgebookModel

/// `payoff --svg FILE`: the risk graph written as an SVG. Like `save`, it refuses to replace a
/// file unless typed `payoff --svg! FILE`, writes atomically, and is not a cell.
extension Shell {
    func payoffSVG(_ request: PayoffRequest) throws(CommandFailure) -> Outcome {
        let path = request.svg ?? "", overwrite = request.overwrite
        guard !path.isEmpty else {
            throw CommandFailure("--svg needs a file name", argument: 0, hint: "for example: payoff --svg risk.svg")
        }
        let chart = try Evaluator.payoffDrawing(session.state, request).chart
        let svg = SvgChart.render(chart)
        do { try FileStore.writeAtomically(svg, to: path, overwrite: overwrite) } catch {
            throw CommandFailure(
                FileStore.exists(path) && !overwrite ? "\(path) already exists" : error.message, argument: request.svgArgument,
                hint: overwrite || !FileStore.exists(path) ? nil : "`payoff --svg! \(path)` replaces it")
        }
        return Outcome(text: "wrote the risk graph to \(path)",
                       result: .object([("path", .string(path)), ("title", .string(chart.title))]))
    }

    /// `payoff` drawn with the terminal's character set, recorded as a cell.
    func payoffText(_ request: PayoffRequest, _ parsed: ParsedCommand) throws(CommandFailure) -> Outcome {
        let report = try Evaluator.payoffReport(session.state, request, unicode: unicode, width: min(80, max(40, terminalWidth ?? 80)))
        let cell = try session.accept(parsed.command, input: parsed.source, report: report)
        return Outcome(text: cell.output, result: cell.result)
    }
}
