import HedgebookShell

/// Where the replay's time goes: CPU microseconds per line to parse, then per command of each
/// kind (the first word of the line) through the shell, over the replay script in one session.
/// Thread CPU time, so other processes on the machine do not inflate the figures.
func benchBreakdown() {
    let lines = ReplayScript.lines(count: replayLines)
    var parsed = 0
    let parseStart = threadCPU()
    for line in lines {
        if case .success(let commands) = Parser.parse(line: line) { parsed += commands.count }
    }
    let parseSeconds = threadCPU() - parseStart
    guard parsed == lines.count else { fatalError("the replay script has lines that do not parse") }
    print("replay_cost_parse_us \(formatted(parseSeconds / Double(lines.count) * 1e6)) us")

    let shell = Shell()
    var total: [String: (seconds: Double, count: Int)] = [:]
    for line in lines {
        let word = String(line.prefix { $0 != " " })
        let start = threadCPU()
        let result = shell.execute(line, withJSON: false)
        let seconds = threadCPU() - start
        guard result.ok else { fatalError("the replay script failed at `\(line)`: \(result.error)") }
        total[word, default: (0, 0)].seconds += seconds
        total[word, default: (0, 0)].count += 1
    }
    for (word, t) in total.sorted(by: { $0.key < $1.key }) {
        print("replay_cost_\(word)_us \(formatted(t.seconds / Double(t.count) * 1e6)) us")
    }
}
