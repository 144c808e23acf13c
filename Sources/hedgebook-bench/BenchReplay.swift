#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import HedgebookShell

/// An output stream that keeps nothing but a byte count (so the text is still built).
struct CountingSink: TextOutputStream {
    var bytes = 0
    mutating func write(_ string: String) { bytes &+= string.utf8.count }
}

/// The replay script's length: 100,000 lines, or `REPLAY_LINES` (for profiling a shorter run).
let replayLines = getenv("REPLAY_LINES").flatMap { Int(String(cString: $0)) } ?? 100_000

/// The replay script as one text, as `hedgebook run` reads it from a file.
func replayText() -> String { ReplayScript.lines(count: replayLines).joined(separator: "\n") + "\n" }

/// Replays the 100,000-line script as `hedgebook run` does (one shell, one runner, the text
/// split into lines), without printing; then times `undo` at the end of that session.
func benchReplay() {
    let text = replayText()
    var shell = Shell()
    var seconds = Double.infinity, cpu = Double.infinity
    for _ in 0..<3 {
        shell = Shell()
        var runner = ScriptRunner(shell: shell)
        var output = CountingSink(), errors = CountingSink()
        let start = now(), cpuStart = threadCPU()
        runner.run(text, source: "replay.hb", output: &output, errors: &errors)
        seconds = min(seconds, now() - start)
        cpu = min(cpu, threadCPU() - cpuStart)
        guard !runner.failed else { fatalError("the replay script failed: \(errors.bytes) bytes of errors") }
        blackHole(output.bytes)
    }
    print("replay_commands_per_second \(Int(Double(replayLines) / seconds)) commands/s")
    // The same run in CPU time: what the figure would be with the core to itself.
    print("replay_commands_per_cpu_second \(Int(Double(replayLines) / cpu)) commands/s")
    print("replay_peak_memory_mb \(formatted(peakResidentMB())) MB")
    benchUndo(shell)
}

/// The worst of 20 `undo`s, then 20 `redo`s, at the end of the replayed session, in milliseconds.
func benchUndo(_ shell: Shell) {
    var worstUndo = 0.0, worstRedo = 0.0
    for _ in 0..<20 {
        let start = now()
        let result = shell.execute("undo")
        worstUndo = max(worstUndo, now() - start)
        guard result.ok else { fatalError("undo failed: \(result.error)") }
    }
    for _ in 0..<20 {
        let start = now()
        let result = shell.execute("redo")
        worstRedo = max(worstRedo, now() - start)
        guard result.ok else { fatalError("redo failed: \(result.error)") }
    }
    print("undo_worst_ms \(formatted(worstUndo * 1000)) ms")
    print("redo_worst_ms \(formatted(worstRedo * 1000)) ms")
}

/// Writes the replay script to `path` (for bench/run.sh's end-to-end `hedgebook run`).
func writeReplayScript(to path: String) {
    guard let file = fopen(path, "w") else { fatalError("cannot write \(path)") }
    let text = replayText()
    _ = text.utf8CString.withUnsafeBufferPointer { fputs($0.baseAddress!, file) }
    fclose(file)
}
