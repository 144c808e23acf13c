#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import HedgebookShell

/// libFuzzer entry point: the bytes are a session journal, read as `recover` and the start-up
/// scan read it (``SessionJournal/read(_:)``).
///
/// Beyond "no crash": a journal that reads back is written again from its cells (header and
/// `+` records) and read a second time to the same cells, so escaping round-trips; the offer
/// and the read error's message reach the terminal neutralised.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let contents = try SessionJournal.read(text)
        let again = SessionJournal.header(started: "x")
            + SessionJournal.records(from: [], to: contents.cells).map(\.line).joined()
        guard let reread = try? SessionJournal.read(again), reread.cells == contents.cells else {
            fatalError("the cells do not survive a rewrite: \(contents.cells.prefix(4))")
        }
        let offer = SessionJournal.offer(contents, others: 1)
        if offer.unicodeScalars.contains(where: unsafe) { fatalError("the offer is not neutralised: \(offer)") }
    } catch {
        if error.message.unicodeScalars.contains(where: unsafe) { fatalError("the message is not neutralised") }
    }
    return 0
}

/// A scalar that would act on a terminal (as ``Display/neutralised(_:)`` sees it).
private func unsafe(_ s: Unicode.Scalar) -> Bool {
    if s == "\t" || s == "\n" { return false }
    return s.properties.generalCategory == .control || (0x202A...0x202E).contains(s.value)
        || (0x2066...0x2069).contains(s.value) || s.value == 0x200E || s.value == 0x200F || s.value == 0x061C
}
