#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import HedgebookShell

/// libFuzzer entry point: the bytes are a script, fed line by line to a fresh ``Shell``.
///
/// Every line is parsed and evaluated as `hedgebook run` would (continuations, several commands
/// per line, errors), except lines that name a file command (`save`, `load`, `load!`, `export`,
/// `payoff svg`, `recover`): the fuzzer must never touch the disk. Beyond "no crash, no sanitizer report",
/// it checks the shell's promises: no NaN or infinity printed, and every error located.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let shell = Shell()
    // No market store: `data` and `replay` are fuzzed on their refusals, never on the disk.
    shell.marketHistory = MarketHistory(path: nil)
    var runner = ScriptRunner(shell: shell, options: .init(keepGoing: true))
    var output = ""
    var errors = ""
    var lineNumber = 0
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
        lineNumber += 1
        if touchesFiles(line) { continue }
        output = ""
        errors = ""
        runner.feed(line, lineNumber: lineNumber, source: "fuzz", output: &output, errors: &errors)
        checkFinite(output, typed: text)
        if !errors.isEmpty { checkLocated(errors) }
    }
    output = ""
    errors = ""
    runner.finishSource("fuzz", output: &output, errors: &errors)
    checkFinite(output, typed: text)
    if !errors.isEmpty { checkLocated(errors) }
    return 0
}

/// True when a command of the line (or of a nested `edit`/`insert`) reads or writes a file.
private func touchesFiles(_ line: Substring) -> Bool {
    guard case .success(let commands) = Parser.parse(line: String(line)) else { return false }
    return commands.contains { parsed in
        let described = String(describing: parsed.command)
        return described == "recover" || ["save(", "load(", "loadReplacing(", "export(", "payoff(svg: Optional"].contains { described.contains($0) }
    }
}

/// Stops the run when the shell printed a NaN or an infinity that the input never typed
/// (`history` and notes echo what was typed).
private func checkFinite(_ text: String, typed: String) {
    for word in text.split(whereSeparator: { !$0.isLetter && $0 != "∞" }) {
        let lower = word.lowercased()
        guard ["nan", "inf", "infinity", "∞"].contains(lower) else { continue }
        if typed.lowercased().contains(lower) { continue }
        fatalError("printed a non-finite number: \(text.suffix(400))")
    }
}

/// Stops the run when an error does not start with `fuzz:LINE:COLUMN:` and carry a caret line.
private func checkLocated(_ error: String) {
    let lines = error.split(separator: "\n", omittingEmptySubsequences: false)
    guard let header = lines.first, header.hasPrefix("fuzz:") else {
        fatalError("an error without a location: \(error.prefix(400))")
    }
    let parts = header.dropFirst(5).split(separator: ":", maxSplits: 2)
    guard parts.count >= 2, Int(parts[0]) != nil, let column = Int(parts[1]), column >= 1 else {
        fatalError("an error without line:column: \(header.prefix(400))")
    }
    guard lines.contains(where: { $0.contains("^") }) else {
        fatalError("an error without a caret line: \(error.prefix(400))")
    }
}
