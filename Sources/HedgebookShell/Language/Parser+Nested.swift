extension Parser {
    /// A command whose last parameter is a whole command (`edit 3 loss 800`): the leading
    /// parameters are read as usual, the rest of the tokens are parsed as one command of the
    /// language, with its errors at their own columns of the line.
    static func withNestedCommand(
        _ tokens: [Token], end: SourceSpan, spec: CommandSpec, in chars: [Character]
    ) throws(ParseError) -> Command {
        let leading = Array(spec.parameters.dropLast())
        var reader = ArgumentReader(tokens: Array(tokens.prefix(leading.count)), end: end, command: spec.name,
                                    usage: spec.usage, example: spec.examples.first)
        var values = try reader.read(leading).values
        let rest = tokens.dropFirst(leading.count)
        guard !rest.isEmpty else {
            throw ParseError(.missingArgument(command: spec.name, usage: spec.usage,
                                              missing: spec.parameters[spec.parameters.count - 1].name,
                                              example: spec.examples.first), at: end)
        }
        let nested = try command(rest, in: chars)
        values.append(.command(nested.command, nested.source))
        return spec.build(Arguments(values: values))
    }
}
