/// Tab completion, driven by the command table.
public enum Completion {
    /// The full words that can complete the word ending at the end of `prefix` (the line up to
    /// the cursor), sorted: command names at the start of a command (also after `;`), setting
    /// names after `set`, enumerated values where the table lists them, commands after `help`.
    /// Nothing inside a quoted string or a comment.
    public static func candidates(for prefix: String) -> [String] {
        guard let (words, partial) = currentCommand(prefix) else { return [] }
        return Array(Set(words.isEmpty ? CommandTable.allNames : following(words)))
            .filter { $0.hasPrefix(partial) }
            .sorted()
    }

    /// The words that can follow the complete words `words` of a command.
    static func following(_ words: [String]) -> [String] {
        guard let spec = CommandTable.command(named: words[0]) else { return [] }
        var parameters = spec.parameters
        var position = words.count - 1
        if case .setting? = parameters.first?.kind {
            guard position > 0 else { return parameters[0].completions }
            guard let setting = CommandTable.setting(named: words[1]) else { return [] }
            parameters = setting.parameters
            position -= 1
        }
        if case .command? = parameters.last?.kind, position >= parameters.count - 1 {
            let nested = Array(words.dropFirst(parameters.count))
            return nested.isEmpty ? CommandTable.allNames : following(nested)
        }
        // Walk the parameters; a labeled one takes two words, a list takes the rest.
        var index = 0
        for parameter in parameters {
            if parameter.presence == .oneOrMore {
                return index == position ? parameter.completions : []
            }
            if case .labeled = parameter.kind {
                if index == position { return parameter.completions }
                index += 2
            } else {
                if index == position { return parameter.completions }
                index += 1
            }
        }
        return []
    }

    /// The complete words of the command the cursor is in, and the partial word under the cursor;
    /// `nil` inside a quoted string or a comment.
    static func currentCommand(_ prefix: String) -> (words: [String], partial: String)? {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in prefix {
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
                continue
            }
            if c == "#" { return nil }
            if c == ";" {
                words = []; current = ""; inWord = false
            } else if Lexer.isSpace(c) {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                if c == "\"" || c == "'" { quote = c }
                current.append(c)
                inWord = true
            }
        }
        if quote != nil { return nil }
        return (words, current)
    }
}
