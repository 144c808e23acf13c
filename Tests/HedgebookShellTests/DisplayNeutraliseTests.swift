import Testing

@testable import HedgebookShell

/// `Display.isUnsafe` and the neutraliser's byte scan against the definition they implement,
/// taken from the standard library's Unicode tables: a scalar is unsafe when its general
/// category is Cc (control) other than tab and newline, or it is a bidirectional mark,
/// embedding, override or isolate (U+061C, U+200E, U+200F, U+202A–202E, U+2066–2069).
@Suite("Display neutralising")
struct DisplayNeutraliseTests {
    static let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    static func unsafeByDefinition(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" { return false }
        return s.properties.generalCategory == .control || bidi.contains(s.value)
    }

    @Test("isUnsafe agrees with the general category and the bidi list on every scalar")
    func everyScalar() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            if Display.isUnsafe(s) != Self.unsafeByDefinition(s) { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty)
    }

    @Test("the byte scan finds an unsafe scalar exactly when one is there, wherever it stands")
    func byteScan() {
        // Every scalar up to U+2FFF (all the unsafe ones, and the ones whose UTF-8 bytes come
        // closest to theirs), alone, between printable text, at either end, and beside
        // multi-byte neighbours.
        for v in UInt32(0)...0x2FFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let expected = Self.unsafeByDefinition(s)
            for (before, after) in [("", ""), ("abc ", " def"), ("−Δ…", ""), ("", "€·"), ("é", "\u{2069}x")] {
                var text = before
                text.unicodeScalars.append(s)
                text += after
                let wanted = text.unicodeScalars.contains(where: Self.unsafeByDefinition)
                #expect(Display.hasUnsafe(text) == wanted, "U+\(String(v, radix: 16)) in \(before.debugDescription)…\(after.debugDescription)")
                if !expected, !wanted { #expect(Display.neutralised(text) == text) }
            }
        }
    }

    @Test("neutralised output is unchanged text when safe, ? for each unsafe character")
    func neutralisedExamples() {
        #expect(Display.neutralised("account 100000\n\tok −$5.00 Δ 0.39") == "account 100000\n\tok −$5.00 Δ 0.39")
        #expect(Display.neutralised("a\u{1B}[31mb") == "a?[31mb")
        #expect(Display.neutralised("x\u{85}y\u{202E}z") == "x?y?z")
        #expect(Display.neutralised("line\r\nnext\rend") == "line\nnext?end")
    }
}
