import Glibc

/// The REPL's progress bar for long commands: `[#########           ] 45%` on standard error,
/// redrawn only when the percentage changes, and only when standard error is a terminal.
final class ProgressBar {
    private let enabled: Bool
    private var shown: Int?

    init(enabled: Bool = isatty(2) != 0) { self.enabled = enabled }

    /// Draws the bar for `fraction` (0…1).
    func show(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int(max(0, min(1, fraction)) * 100)
        guard percent != shown else { return }
        shown = percent
        let filled = percent / 5
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 20 - filled)
        var errors = FileStream.standardError
        errors.write("\r[\(bar)] \(percent)%  (Ctrl-C stops)")
    }

    /// Erases the bar, if one is drawn.
    func clear() {
        guard enabled, shown != nil else { return }
        shown = nil
        var errors = FileStream.standardError
        errors.write("\r\u{1B}[K")
    }

}
