/// Parses one line of the language into typed commands.
///
/// A line is commands separated by `;`, with an optional `#` comment. Parsing is all or nothing:
/// the first error stops it and no command of the line is returned. Runs in time linear in the
/// length of the line, whatever it holds.
public enum Parser {
    /// The commands of `line`, or the first error with its columns.
    public static func parse(line: String) -> Result<[ParsedCommand], ParseError> {
        do {
            return .success(try commands(in: line))
        } catch {
            return .failure(error)
        }
    }

    static func commands(in line: String) throws(ParseError) -> [ParsedCommand] {
        let chars = Array(line)
        let tokens = try Lexer.tokenize(chars)
        var commands: [ParsedCommand] = []
        var start = 0
        for i in 0...tokens.count where i == tokens.count || tokens[i].kind == .separator {
            if i > start { commands.append(try command(tokens[start..<i], in: chars)) }
            start = i + 1
        }
        // An inline comment (`condor # for the class`) stays with the command before it, so the
        // cell, `save` and `export` keep it; control characters in it are shown as `?`.
        if let last = commands.last, let comment = comment(in: chars, after: tokens.last?.span.end ?? 1),
           tokens.last?.kind != .separator {
            commands[commands.count - 1].source = last.source + " " + comment
        }
        return commands
    }

    /// The comment of the line (from its `#`, trailing spaces dropped), after the column `end`.
    static func comment(in chars: [Character], after end: Int) -> String? {
        var i = end - 1
        while i < chars.count, Lexer.isSpace(chars[i]) { i += 1 }
        guard i < chars.count, chars[i] == "#" else { return nil }
        var text = String(chars[i...].map(Display.visible))
        while let last = text.last, Lexer.isSpace(last) { text.removeLast() }
        return text
    }

    /// One command from its tokens (at least one, no separators).
    static func command(_ tokens: ArraySlice<Token>, in chars: [Character]) throws(ParseError) -> ParsedCommand {
        let head = tokens[tokens.startIndex]
        let last = tokens[tokens.endIndex - 1]
        guard head.kind == .word else {
            throw ParseError(.quotedNotAllowed(expected: "a command name"), at: head.span)
        }
        guard let spec = CommandTable.command(named: head.text) else {
            throw ParseError(.unknownWord(.command, given: head.text, choices: CommandTable.allNames,
                                          suggestion: EditDistance.suggestion(for: head.text, among: CommandTable.allNames)),
                             at: head.span)
        }
        let arguments = Array(tokens.dropFirst())
        let end = SourceSpan(column: last.span.end, length: 0)
        let command: Command
        if let grammar = spec.grammar {
            command = try grammar(GrammarInput(tokens: arguments, chars: chars, end: end, spec: spec))
        } else if case .setting? = spec.parameters.first?.kind {
            command = .set(try setting(arguments, end: end, spec: spec))
        } else if case .command? = spec.parameters.last?.kind {
            command = try withNestedCommand(arguments, end: end, spec: spec, in: chars)
        } else {
            var reader = ArgumentReader(tokens: arguments, end: end, command: spec.name,
                                        usage: spec.usage, example: spec.examples.first)
            command = spec.build(try reader.read(spec.parameters))
        }
        let span = SourceSpan(column: head.span.column, length: last.span.end - head.span.column)
        return ParsedCommand(command: command, source: String(characters: chars[(span.column - 1)..<(span.end - 1)]),
                             span: span, nameSpan: head.span, argumentSpans: arguments.map(\.span))
    }

    /// `set NAME VALUE…`: the setting's name, then its own parameters.
    static func setting(_ tokens: [Token], end: SourceSpan, spec: CommandSpec) throws(ParseError) -> Setting {
        guard let name = tokens.first else {
            throw ParseError(.missingArgument(command: spec.name, usage: spec.usage, missing: "name",
                                              example: spec.examples.first), at: end)
        }
        guard name.kind == .word else { throw ParseError(.quotedNotAllowed(expected: "a setting name"), at: name.span) }
        let names = CommandTable.settings.map(\.name)
        guard let setting = CommandTable.setting(named: name.text) else {
            throw ParseError(.unknownWord(.setting, given: name.text, choices: names,
                                          suggestion: EditDistance.suggestion(for: name.text, among: names)),
                             at: name.span)
        }
        var reader = ArgumentReader(tokens: Array(tokens.dropFirst()), end: end, command: "set " + setting.name,
                                    usage: setting.usage, example: setting.examples.first)
        return setting.build(try reader.read(setting.parameters))
    }
}
