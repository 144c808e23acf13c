extension CommandTable {
    /// How lines, numbers, dates and file names are written: shared by `help` and the reference.
    static let syntaxNotes: [String] = [
        "Several commands can share a line, separated by `;`. `#` starts a comment that runs to the end of the line.",
        "Dollar amounts: `100000`, `100,000`, `$100,000`, `100k`, `1.5m`, `$1.2k`.",
        "Percentages are written with `%`: `1%`, `1.5%`. A bare number where a percentage belongs is an error.",
        "Deltas are written as traders say them: `16` means 0.16; a value below 1 is already a fraction (`0.16`).",
        "Dates are `YYYY-MM-DD`: `2026-11-20`.",
        "File names can be bare (`session.hb`, `../x/y.hb`) or quoted when they hold spaces (`\"my file.hb\"`).",
    ]

    /// The text of `help`: every command by group, with its one-line summary.
    public static func helpText() -> String {
        let width = (commands.map { nameWithAliases($0).count }.max() ?? 0) + 2
        var lines = ["Commands (type help COMMAND for details):"]
        for group in CommandSpec.Group.allCases {
            lines.append("")
            lines.append(group.rawValue)
            for spec in commands where spec.group == group {
                lines.append("  " + padded(nameWithAliases(spec), width) + spec.summary)
            }
        }
        lines.append("")
        lines.append("Writing values:")
        for note in syntaxNotes { lines.append("  " + note.filter { $0 != "`" }) }
        return lines.joined(separator: "\n")
    }

    /// The text of `help COMMAND` (aliases accepted), or `nil` for an unknown topic.
    public static func helpText(for topic: String) -> String? {
        guard let spec = command(named: topic) else { return nil }
        var lines = [(spec.name + " " + spec.usage).trimmedTrailing, "  " + spec.summary]
        if !spec.aliases.isEmpty { lines.append("  Also typed as: " + spec.aliases.joined(separator: ", ") + ".") }
        let details = parameterRows(spec.parameters.filter { if case .setting = $0.kind { false } else { true } })
        if !details.isEmpty { lines.append("") }
        lines += details
        if case .setting? = spec.parameters.first?.kind {
            lines.append("")
            lines.append("Settings:")
            let nameWidth = (settings.map(\.name.count).max() ?? 0) + 2
            let valueWidth = (settings.map(\.sampleValue.count).max() ?? 0) + 2
            for setting in settings {
                lines.append("  " + padded(setting.name, nameWidth) + padded(setting.sampleValue, valueWidth) + setting.summary)
            }
        }
        lines.append("")
        lines.append(spec.examples.count == 1 ? "Example:" : "Examples:")
        for example in spec.examples { lines.append("  " + example) }
        return lines.joined(separator: "\n")
    }

    /// `  strike      strike price, a positive number` rows for a parameter list.
    static func parameterRows(_ parameters: [Parameter]) -> [String] {
        let width = (parameters.map(\.label.count).max() ?? 0) + 2
        return parameters.map { "  " + padded($0.label, width) + $0.detail }
    }

    static func nameWithAliases(_ spec: CommandSpec) -> String {
        spec.aliases.isEmpty ? spec.name : spec.name + " (" + spec.aliases.joined(separator: ", ") + ")"
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}

extension SettingSpec {
    /// The value of the setting's first example: `1.8 1.6 1.6` for `set multipliers 1.8 1.6 1.6`.
    var sampleValue: String {
        let words = (examples.first ?? "").split(separator: " ")
        return words.dropFirst(2).joined(separator: " ")
    }
}

extension Parameter {
    /// The parameter's name in a help row: `strike`, `winrate rate`.
    var label: String {
        if case .labeled(let keyword, _) = kind { return keyword + " " + name }
        return name
    }

    /// What the parameter is and how to write it: "win rate, a percentage such as 1.5%".
    var detail: String {
        var text: String
        switch kind {
        case .number(let spec): text = spec.what == name ? spec.form : spec.what + ", " + spec.form
        case .labeled(_, let spec): text = spec.what + ", " + spec.form
        case .choice(_, let choices): text = Display.alternatives(choices)
        case .date: text = "a date as YYYY-MM-DD"
        case .path: text = "a file name; put it in quotes if it has spaces"
        case .topic: text = "a command name"
        case .setting: text = "a setting name"
        case .command: text = "a command, written as you would type it"
        case .written(let form): text = form
        }
        if presence == .optional { text += " (optional)" }
        if presence == .oneOrMore { text += ", one or more" }
        if let orWord { text += "; or \(orWord)" }
        return text
    }
}

extension String {
    var trimmedTrailing: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
