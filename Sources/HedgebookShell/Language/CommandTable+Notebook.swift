extension CommandTable {
    static func cellNumber(_ what: String) -> Parameter { number("N", what, integer: true) }

    static func nestedCommand() -> Parameter { Parameter(name: "command", kind: .command) }

    /// The commands that edit the list of cells and write it as a notebook.
    static let notebook: [CommandSpec] = [
        CommandSpec(name: "edit", group: .notebook,
                    summary: "Replace cell N with a command and re-run every cell after it; says what changed at the end.",
                    parameters: [cellNumber("cell number"), nestedCommand()],
                    examples: ["edit 3 loss 800", "edit 2 set base 1.5%"],
                    build: { let (c, s) = $0.command(1); return .edit(cell: $0.integer(0), command: c, input: s) }),
        CommandSpec(name: "insert", group: .notebook,
                    summary: "Insert a command before cell N (N one past the last appends) and re-run every cell after it.",
                    parameters: [cellNumber("cell number"), nestedCommand()],
                    examples: ["insert 2 deposit 5000"],
                    build: { let (c, s) = $0.command(1); return .insert(cell: $0.integer(0), command: c, input: s) }),
        CommandSpec(name: "drop", group: .notebook,
                    summary: "Remove cell N and re-run every cell after it; says what changed at the end.",
                    parameters: [cellNumber("cell number")],
                    examples: ["drop 4"], build: { .drop(cell: $0.integer(0)) }),
        CommandSpec(name: "show", group: .notebook, summary: "Show what cell N printed.",
                    parameters: [cellNumber("cell number")],
                    examples: ["show 3"], build: { .show(cell: $0.integer(0)) }),
        CommandSpec(name: "export", group: .notebook,
                    summary: "Write the session as a Markdown notebook (comments as prose, each command and its output); an existing file is never overwritten.",
                    parameters: [path()], examples: ["export lesson.md"],
                    build: { .export(path: $0.path(0), overwrite: false) }),
        CommandSpec(name: "export!", group: .notebook, summary: "Write the session as a Markdown notebook, overwriting the file.",
                    parameters: [path()], examples: ["export! lesson.md"],
                    build: { .export(path: $0.path(0), overwrite: true) }),
    ]
}
