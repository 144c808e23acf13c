@testable import HedgebookShell
import Testing

@Suite("CommandTable: one source for names, help, completion and the reference")
struct CommandTableTests {
    static let specs = CommandTable.commands.map(\.name)
    static let settings = CommandTable.settings.map(\.name)

    @Test func namesAreUnique() {
        #expect(Set(CommandTable.allNames).count == CommandTable.allNames.count)
        #expect(Set(Self.settings).count == Self.settings.count)
    }

    @Test(arguments: CommandTable.allNames)
    func markdownReferenceMentionsEveryCommand(_ name: String) {
        let md = CommandTable.markdownReference()
        #expect(md.contains("`\(name)`"))
    }

    @Test(arguments: specs)
    func markdownReferenceHasASectionPerCommand(_ name: String) {
        #expect(CommandTable.markdownReference().contains("### `\(name)`"))
    }

    @Test(arguments: settings)
    func markdownReferenceMentionsEverySetting(_ name: String) {
        #expect(CommandTable.markdownReference().contains("| `\(name)` |"))
    }

    @Test(arguments: CommandTable.commands.flatMap { spec in spec.examples.map { (spec.name, $0) } })
    func everyExampleParses(_ name: String, _ example: String) throws {
        let parsed = try Parser.parse(line: example).get()
        #expect(parsed.count == 1)
        #expect(parsed.first?.source.split(separator: " ").first.map(String.init) == name)
    }

    @Test(arguments: CommandTable.settings.flatMap { s in s.examples.map { (s.name, $0) } })
    func everySettingExampleParses(_ name: String, _ example: String) throws {
        let parsed = try Parser.parse(line: example).get()
        guard case .set? = parsed.first?.command else { Issue.record("not a set"); return }
        #expect(example.split(separator: " ")[1] == name[...])
    }

    @Test(arguments: CommandTable.allNames)
    func helpForEveryCommand(_ name: String) throws {
        let text = try #require(CommandTable.helpText(for: name))
        let spec = try #require(CommandTable.command(named: name))
        #expect(text.hasPrefix(spec.name))
        #expect(text.contains(spec.summary))
        for example in spec.examples { #expect(text.contains(example)) }
        #expect(CommandTable.helpText().contains(spec.name))
        #expect(try Parser.parse(line: "help \(name)").get().first?.command == .help(topic: spec.name))
    }

    @Test func helpForSetListsEverySetting() throws {
        let text = try #require(CommandTable.helpText(for: "set"))
        for setting in CommandTable.settings {
            #expect(text.contains("  " + setting.name + " "))
            #expect(text.contains(setting.summary))
        }
    }

    @Test func helpGolden() {
        #expect(CommandTable.helpText(for: "price") == """
        price instrument kind strike DTE
          Price one option with the model and show its greeks.

          instrument  spx, xsp or vix
          kind        call or put
          strike      a positive number
          DTE         a whole number, 1 or more

        Examples:
          price spx put 5800 45
          price vix call 21 30
        """)
        #expect(CommandTable.helpText(for: "nosuch") == nil)
    }

    @Test(arguments: CommandTable.settings.flatMap { s in
        s.parameters.flatMap { p -> [String] in
            if case .choice(_, let choices) = p.kind { return choices.map { "set \(s.name) \($0)" } }
            return []
        }
    })
    func everyEnumeratedSettingValueParses(_ line: String) {
        #expect(commands(line).count == 1)
    }
}

