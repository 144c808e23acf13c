extension CommandTable {
    /// The language reference in Markdown, generated from the table so that it cannot drift.
    public static func markdownReference() -> String {
        var md = ["# hedgebook language reference", ""]
        md.append("Generated from the command table (`CommandTable.markdownReference()`); do not edit by hand.")
        md += ["", "## Writing commands", ""]
        md += syntaxNotes.map { "- " + $0 }
        for group in CommandSpec.Group.allCases {
            md += ["", "## " + group.rawValue]
            for spec in commands where spec.group == group { md += section(spec) }
        }
        return md.joined(separator: "\n") + "\n"
    }

    private static func section(_ spec: CommandSpec) -> [String] {
        var md = ["", "### `\(spec.name)`", "", spec.summary]
        if !spec.aliases.isEmpty {
            md += ["", "Also typed as " + spec.aliases.map { "`\($0)`" }.joined(separator: ", ") + "."]
        }
        md += ["", "```", (spec.name + " " + spec.usage).trimmedTrailing, "```"]
        let arguments = spec.parameters.filter { if case .setting = $0.kind { false } else { true } }
        if !arguments.isEmpty {
            md += ["", "| argument | meaning |", "|---|---|"]
            md += arguments.map { "| `\(cell($0.usage))` | \(cell($0.detail)) |" }
        }
        if case .setting? = spec.parameters.first?.kind {
            md += ["", "| setting | value | meaning | example |", "|---|---|---|---|"]
            md += settings.map { s in
                let examples = s.examples.map { "`\(cell($0))`" }.joined(separator: ", ")
                return "| `\(s.name)` | \(cell(s.parameters.map(\.detail).joined(separator: "; "))) | \(cell(s.summary)) | \(examples) |"
            }
        }
        md += ["", (spec.examples.count == 1 ? "Example: " : "Examples: ")
            + spec.examples.map { "`\($0)`" }.joined(separator: ", ")]
        return md
    }

    /// Text safe inside a Markdown table cell.
    private static func cell(_ text: String) -> String {
        var out = ""
        for c in text { out += c == "|" ? "\\|" : String(c) }
        return out
    }
}
