import HedgebookModel

/// `simulate` with the terminal's progress bar and Ctrl-C: the shell passes its hooks to the
/// Monte Carlo and records the finished report as a cell; a stopped run records nothing.
extension Shell {
    func simulate(_ request: SimulationRequest, _ parsed: ParsedCommand) throws(CommandFailure) -> Outcome {
        let progress = self.progress
        let observe: MonteCarlo.Observer = { fraction in
            progress?(fraction)
            return Interruption.requested()
        }
        let report = try Evaluator.simulateReport(session.state, request, observe: observe)
        let cell = try session.accept(parsed.command, input: parsed.source, report: report)
        return Outcome(text: cell.output, result: cell.result)
    }
}
