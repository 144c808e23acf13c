/// Reads a command's arguments against its parameters from the table.
struct ArgumentReader {
    let tokens: [Token]
    /// The point just past the command, where a missing argument is reported.
    let end: SourceSpan
    /// For messages: the command ("price", "set base"), its parameter list and an example.
    let command: String
    let usage: String
    let example: String?
    private var index = 0

    init(tokens: [Token], end: SourceSpan, command: String, usage: String, example: String?) {
        self.tokens = tokens
        self.end = end
        self.command = command
        self.usage = usage
        self.example = example
    }

    /// One value per parameter, and no token left over.
    mutating func read(_ parameters: [Parameter]) throws(ParseError) -> Arguments {
        var values: [Arguments.Value] = []
        var options: [Int: Arguments.Value]?
        for parameter in parameters {
            switch parameter.presence {
            case .required:
                guard index < tokens.count else { throw missing(parameter.name) }
                values.append(try one(parameter))
            case .optional:
                if case .labeled = parameter.kind {
                    if options == nil { options = try readOptions(parameters, from: values.count) }
                    values.append(options?[values.count] ?? .absent)
                } else {
                    values.append(index < tokens.count ? try one(parameter) : .absent)
                }
            case .oneOrMore:
                guard index < tokens.count else { throw missing(parameter.name) }
                if let word = parameter.orWord, isWord(tokens[index], word) {
                    index += 1
                    values.append(.word(word))
                } else {
                    var list: [Double] = []
                    while index < tokens.count {
                        guard case .number(let x) = try value(parameter.kind, tokens[index]) else {
                            preconditionFailure("lists hold fractional numbers")
                        }
                        list.append(x)
                        index += 1
                    }
                    values.append(.numbers(list))
                }
            }
        }
        if index < tokens.count {
            let extra = tokens[index]
            var hint: String?
            if case .path? = parameters.last?.kind, let first = tokens.first {
                hint = "put quotes around a file name with spaces: \(command) \"\(Display.truncated(first.text)) \(Display.truncated(extra.text))\""
            } else if !parameters.isEmpty, let example {
                hint = "for example: \(example)"
            }
            throw ParseError(.extraArgument(command: command, usage: usage, given: extra.text, hint: hint), at: extra.span)
        }
        return Arguments(values: values)
    }

    /// The run of optional `keyword value` parameters starting at `start`, in any order, each at
    /// most once; a word that is none of the remaining keywords is an error listing them.
    private mutating func readOptions(_ parameters: [Parameter], from start: Int) throws(ParseError) -> [Int: Arguments.Value] {
        func keyword(_ i: Int) -> String? {
            guard parameters[i].presence == .optional, case .labeled(let k, _) = parameters[i].kind else { return nil }
            return k
        }
        var run = start
        while run < parameters.count, keyword(run) != nil { run += 1 }
        var found: [Int: Arguments.Value] = [:]
        while index < tokens.count {
            let token = tokens[index]
            let open = (start..<run).filter { found[$0] == nil }
            guard let i = open.first(where: { isWord(token, keyword($0)!) }) else {
                let keywords = open.map { keyword($0)! }
                guard let first = keywords.first else { break }
                let isNumber = (try? NumberLiteral.read(token.text)) != nil
                let suggestion = isNumber ? first + " " + Display.truncated(token.text)
                    : EditDistance.suggestion(for: token.text, among: keywords)
                throw ParseError(.unknownWord(.value("option of \(command)"), given: token.text, choices: keywords,
                                              suggestion: suggestion), at: token.span)
            }
            found[i] = try one(parameters[i])
        }
        return found
    }

    private func missing(_ name: String) -> ParseError {
        ParseError(.missingArgument(command: command, usage: usage, missing: name, example: example), at: end)
    }

    private func isWord(_ token: Token, _ word: String) -> Bool { token.kind == .word && token.text == word }

    /// One argument (two tokens for a labeled one).
    private mutating func one(_ parameter: Parameter) throws(ParseError) -> Arguments.Value {
        let token = tokens[index]
        index += 1
        if let word = parameter.orWord, isWord(token, word) { return .word(word) }
        guard case .labeled(let keyword, let spec) = parameter.kind else { return try value(parameter.kind, token) }
        guard isWord(token, keyword) else {
            let isNumber = (try? NumberLiteral.read(token.text)) != nil
            let suggestion = isNumber ? keyword + " " + Display.truncated(token.text)
                : EditDistance.suggestion(for: token.text, among: [keyword])
            throw ParseError(.unknownWord(.value("option of \(command)"), given: token.text, choices: [keyword],
                                          suggestion: suggestion), at: token.span)
        }
        guard index < tokens.count else { throw missing(parameter.name) }
        index += 1
        return try value(.number(spec), tokens[index - 1])
    }

    /// The value of `token` for a parameter of kind `kind`.
    private func value(_ kind: Parameter.Kind, _ token: Token) throws(ParseError) -> Arguments.Value {
        if token.kind == .quoted, let expected = kind.unquotedDescription {
            throw ParseError(.quotedNotAllowed(expected: expected), at: token.span)
        }
        switch kind {
        case .number(let spec):
            let x = try number(spec, token)
            return spec.integer ? .integer(Int(x)) : .number(x)
        case .choice(let what, let choices):
            guard choices.contains(token.text) else {
                throw ParseError(.unknownWord(.value(what), given: token.text, choices: choices,
                                              suggestion: EditDistance.suggestion(for: token.text, among: choices)),
                                 at: token.span)
            }
            return .word(token.text)
        case .date:
            do {
                return .date(try DateLiteral.read(token.text))
            } catch {
                let span = error.part.map { SourceSpan(column: token.span.column + $0.offset, length: $0.length) }
                throw ParseError(.invalidDate(given: token.text, problem: error.problem), at: span ?? token.span)
            }
        case .path:
            guard !token.text.isEmpty else { throw ParseError(.emptyPath, at: token.span) }
            return .path(token.text)
        case .topic:
            guard let spec = CommandTable.command(named: token.text) else {
                let names = CommandTable.allNames
                throw ParseError(.unknownWord(.helpTopic, given: token.text, choices: names,
                                              suggestion: EditDistance.suggestion(for: token.text, among: names)),
                                 at: token.span)
            }
            return .word(spec.name)
        case .setting, .labeled, .command, .written:
            preconditionFailure("read by the parser itself")
        }
    }

    private func number(_ spec: NumberSpec, _ token: Token) throws(ParseError) -> Double {
        let literal: NumberLiteral
        do {
            literal = try NumberLiteral.read(token.text)
        } catch {
            let span = error.offset.map { SourceSpan(column: token.span.column + $0, length: 1) }
            throw ParseError(.invalidNumber(what: spec.what, given: token.text, problem: error.problem),
                             at: span ?? token.span)
        }
        do {
            return try spec.value(of: literal, text: token.text)
        } catch {
            throw ParseError(error.reason, at: token.span)
        }
    }
}

extension Parameter.Kind {
    /// What belongs here when it is not a quoted string, or `nil` when quotes are welcome.
    var unquotedDescription: String? {
        switch self {
        case .number(let spec): return "a number for \(spec.what)"
        case .choice(let what, _): return "a \(what)"
        case .date: return "a date"
        case .topic: return "a command name"
        case .setting: return "a setting name"
        case .labeled(let keyword, _): return keyword
        case .command: return "a command"
        case .written(let form): return form
        case .path: return nil
        }
    }
}
