import HedgebookModel

/// What a command with its own grammar reads: its argument tokens, the line, and its end.
struct GrammarInput {
    var tokens: [Token]
    var chars: [Character]
    /// The point just past the command, where a missing argument is reported.
    var end: SourceSpan
    var spec: CommandSpec
}

/// Reads keyword clauses, ranges (`FROM..TO`) and durations (`5d`, `2w`, `5`) for `advance`,
/// `shock`, `grid` and `sweep`, with errors located on the offending token or half-range.
struct WhatIfReader {
    let input: GrammarInput
    var index = 0

    init(_ input: GrammarInput) { self.input = input }

    var atEnd: Bool { index >= input.tokens.count }

    func missing(_ name: String) -> ParseError {
        ParseError(.missingArgument(command: input.spec.name, usage: input.spec.usage, missing: name,
                                    example: input.spec.examples.first), at: input.end)
    }

    func extra(_ token: Token, hint: String? = nil) -> ParseError {
        ParseError(.extraArgument(command: input.spec.name, usage: input.spec.usage, given: token.text,
                                  hint: hint ?? input.spec.examples.first.map { "for example: \($0)" }), at: token.span)
    }

    /// The next token, or a "missing `name`" error.
    mutating func next(_ name: String) throws(ParseError) -> Token {
        guard !atEnd else { throw missing(name) }
        let token = input.tokens[index]
        index += 1
        if token.kind == .quoted { throw ParseError(.quotedNotAllowed(expected: name), at: token.span) }
        return token
    }

    /// One of `choices` (a clause keyword), with a "did you mean" on a typo.
    mutating func keyword(_ choices: [String], what: String) throws(ParseError) -> String {
        let token = try next(what)
        guard choices.contains(token.text) else {
            throw ParseError(.unknownWord(.value(what), given: token.text, choices: choices,
                                          suggestion: EditDistance.suggestion(for: token.text, among: choices)),
                             at: token.span)
        }
        return token.text
    }

    /// The text at `offset` of `token`, read as a number of `spec`.
    static func number(_ text: Substring, offset: Int, in token: Token, _ spec: NumberSpec) throws(ParseError) -> Double {
        let span = SourceSpan(column: token.span.column + offset, length: max(1, text.count))
        let literal: NumberLiteral
        do {
            literal = try NumberLiteral.read(String(text))
        } catch {
            throw ParseError(.invalidNumber(what: spec.what, given: String(text), problem: error.problem),
                             at: error.offset.map { SourceSpan(column: span.column + $0, length: 1) } ?? span)
        }
        do {
            return try spec.value(of: literal, text: String(text))
        } catch {
            throw ParseError(error.reason, at: span)
        }
    }

    /// A number of `spec` (`name` names it when missing).
    mutating func number(_ name: String, _ spec: NumberSpec) throws(ParseError) -> Double {
        let token = try next(name)
        return try Self.number(Substring(token.text), offset: 0, in: token, spec)
    }

    /// `FROM..TO` or a single value, each side read with `spec`; `step` follows a range.
    mutating func range(_ name: String, _ spec: NumberSpec, step stepSpec: NumberSpec) throws(ParseError) -> ValueRange {
        let argument = index
        let token = try next(name)
        let text = token.text
        guard let dots = text.firstRange(of: "..") else {
            let x = try Self.number(Substring(text), offset: 0, in: token, spec)
            return ValueRange(from: x, to: x, step: nil, argument: argument)
        }
        let left = text[..<dots.lowerBound], right = text[dots.upperBound...]
        let from = try Self.number(left, offset: 0, in: token, spec)
        let to = try Self.number(right, offset: left.count + 2, in: token, spec)
        guard !atEnd, input.tokens[index].text == "step" else {
            if !atEnd { throw extra(input.tokens[index], hint: "a range needs its step: \(text) step …") }
            throw missing("step")
        }
        index += 1
        let step = try number("step", stepSpec)
        return ValueRange(from: from, to: to, step: step, argument: argument)
    }

    /// Days: `5`, `5d` or `2w` (weeks of 7 days); at least `minimum`, at most 3650.
    mutating func duration(_ name: String, minimum: Int) throws(ParseError) -> Int {
        let token = try next(name)
        var digits = Substring(token.text)
        var unit = 1
        if let last = digits.last, last == "d" || last == "w" {
            unit = last == "w" ? 7 : 1
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let n = Int(digits) else {
            throw ParseError(.unknownWord(.value("time"), given: token.text, choices: ["5d", "2w", "5"],
                                          suggestion: nil), at: token.span)
        }
        let days = n * unit
        guard days >= minimum else {
            throw ParseError(.invalidNumber(what: name, given: token.text, problem: minimum > 0 ? .mustBePositive : .mustNotBeNegative),
                             at: token.span)
        }
        guard days <= OptionPricer.maximumDTE else {
            throw ParseError(.invalidNumber(what: name, given: token.text, problem: .tooLarge), at: token.span)
        }
        return days
    }
}
