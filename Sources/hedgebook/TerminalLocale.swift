import Glibc
import HedgebookShell

/// The locale's character set, as the C library sees it after `setlocale(LC_CTYPE, "")`.
///
/// Under a non-UTF-8 locale (`LANG=C`, `POSIX`, Latin-1) the terminal gets ASCII only: the
/// prompt, tables, charts and the teaching screen go through ``ASCIIText/fold(_:)``.
enum TerminalLocale {
    /// Sets LC_CTYPE from the environment (once) and says whether it is UTF-8.
    static let isUTF8: Bool = {
        setlocale(LC_CTYPE, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }()

    /// True when standard output is a terminal under a non-UTF-8 locale (a file or a pipe
    /// gets the UTF-8 text whatever the locale).
    static let asciiOnly = !isUTF8 && isatty(1) != 0

    /// `text` as this terminal can show it.
    static func text(_ text: String) -> String { asciiOnly ? ASCIIText.fold(text) : text }
}
