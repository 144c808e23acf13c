/// Splits one line into tokens, in a single pass.
///
/// White space separates words; `;` separates commands; `#` outside a quoted string starts a
/// comment that runs to the end of the line. Double-quoted strings take `\"` and `\\` escapes;
/// single-quoted strings are taken literally. Control characters other than white space are
/// errors, so stray escape sequences never reach the parser.
enum Lexer {
    static func tokenize(_ chars: [Character]) throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "#" { break }
            if isSpace(c) { i += 1; continue }
            if c == ";" {
                tokens.append(Token(kind: .separator, text: ";", span: SourceSpan(column: i + 1, length: 1)))
                i += 1
                continue
            }
            if let scalar = controlScalar(c) {
                throw ParseError(.controlCharacter(scalar), at: SourceSpan(column: i + 1, length: 1))
            }
            if c == "\"" || c == "'" {
                let (token, next) = try quoted(chars, from: i)
                tokens.append(token)
                i = next
            } else {
                let (token, next) = try word(chars, from: i)
                tokens.append(token)
                i = next
            }
        }
        return tokens
    }

    /// White space between tokens (a byte-order mark counts as white space).
    static func isSpace(_ c: Character) -> Bool {
        // One byte first (tab, newline, vertical tab, form feed, return, space): no Unicode tables.
        if let a = byte(c) { return a == 0x20 || (0x09...0x0D).contains(a) }
        return c.isWhitespace || c == "\u{FEFF}"
    }

    /// The byte of a one-byte (ASCII) character, or `nil`; much cheaper than `asciiValue`.
    @inline(__always) static func byte(_ c: Character) -> UInt8? {
        let utf8 = c.utf8
        return utf8.count == 1 ? utf8.first : nil
    }

    /// The first control scalar of `c` (C0, DEL, C1), unless `c` is white space.
    static func controlScalar(_ c: Character) -> Unicode.Scalar? {
        if let a = byte(c) {
            return a < 0x20 && !(0x09...0x0D).contains(a) || a == 0x7F ? Unicode.Scalar(a) : nil
        }
        if isSpace(c) { return nil }
        return c.unicodeScalars.first { $0.properties.generalCategory == .control }
    }

    /// True when `c` ends a word.
    static func endsWord(_ c: Character) -> Bool { isSpace(c) || c == ";" || c == "#" }

    private static func word(_ chars: [Character], from start: Int) throws(ParseError) -> (Token, Int) {
        var j = start
        while j < chars.count, !endsWord(chars[j]) {
            let c = chars[j]
            if let scalar = controlScalar(c) {
                throw ParseError(.controlCharacter(scalar), at: SourceSpan(column: j + 1, length: 1))
            }
            if c == "\"" || c == "'" {
                throw ParseError(.quoteInsideWord, at: SourceSpan(column: j + 1, length: 1))
            }
            j += 1
        }
        let text = String(characters: chars[start..<j])
        return (Token(kind: .word, text: text, span: SourceSpan(column: start + 1, length: j - start)), j)
    }

    private static func quoted(_ chars: [Character], from start: Int) throws(ParseError) -> (Token, Int) {
        let quote = chars[start]
        var j = start + 1
        var text = ""
        while j < chars.count {
            let c = chars[j]
            if c == quote {
                let next = j + 1
                if next < chars.count, !endsWord(chars[next]) {
                    throw ParseError(.missingSpaceAfterQuote, at: SourceSpan(column: next + 1, length: 1))
                }
                return (Token(kind: .quoted, text: text, span: SourceSpan(column: start + 1, length: next - start)), next)
            }
            if let scalar = controlScalar(c) {
                throw ParseError(.controlCharacter(scalar), at: SourceSpan(column: j + 1, length: 1))
            }
            if c == "\\", quote == "\"", j + 1 < chars.count, chars[j + 1] == "\"" || chars[j + 1] == "\\" {
                text.append(chars[j + 1])
                j += 2
                continue
            }
            text.append(c)
            j += 1
        }
        throw ParseError(.unterminatedString, at: SourceSpan(column: start + 1, length: chars.count - start))
    }
}
