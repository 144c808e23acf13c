#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import HedgebookShell

/// libFuzzer entry point: the bytes are a history file, loaded as the REPL loads it
/// (``HistoryText/entries(_:limit:)``).
///
/// Beyond "no crash": at most `limit` entries, none empty or holding a line break or a control
/// character, and loading what it would write (one entry per line) gives the same entries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHistory(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let limit = size % 7 == 0 ? 3 : 1000
    let entries = HistoryText.entries(text, limit: limit)
    if entries.count > limit { fatalError("\(entries.count) entries past the limit \(limit)") }
    for entry in entries {
        if entry.isEmpty || entry.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) {
            fatalError("an entry that should have been dropped: \(entry.debugDescription)")
        }
    }
    let written = entries.map { $0 + "\n" }.joined()
    if HistoryText.entries(written, limit: limit) != entries { fatalError("the entries do not survive a save") }
    return 0
}
