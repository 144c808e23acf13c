import HedgebookModel

/// The session's branches: named sessions, in the order they were made, and the current one.
///
/// A fork copies the current session (cells, state, journal, snapshots) into a new branch;
/// from then on the two are independent: `undo` and `redo` act on the current branch only.
struct Branches {
    /// The first branch.
    static let main = "main"
    /// The most branches a shell keeps.
    static let limit = 64

    private(set) var names: [String]
    private var sessions: [String: Session]
    private(set) var current: String

    init(main session: Session) {
        names = [Self.main]
        sessions = [Self.main: session]
        current = Self.main
    }

    func session(_ name: String) -> Session? { sessions[name] }

    mutating func add(_ name: String, _ session: Session) {
        names.append(name)
        sessions[name] = session
    }

    mutating func select(_ name: String) { current = name }

    /// The current branch's session replaced (`load!`).
    mutating func replaceCurrent(_ session: Session) { sessions[current] = session }

    /// Why `name` cannot name a new branch, or `nil` when it can.
    func refusal(forNew name: String) -> CommandFailure? {
        if sessions[name] != nil {
            return CommandFailure("a branch called \(name) exists already", hint: "`switch \(name)` goes to it; pick another name to fork")
        }
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        guard allowed, (1...40).contains(name.count), name.first != "-", name.first != "." else {
            return CommandFailure("\(Display.truncated(name)) cannot name a branch",
                                  hint: "use 1 to 40 letters, digits, '-', '_' or '.', starting with a letter or digit")
        }
        guard names.count < Self.limit else {
            return CommandFailure("a session holds at most \(Self.limit) branches", argument: nil)
        }
        return nil
    }

    /// The failure for a branch that does not exist, with the closest name.
    func unknown(_ name: String, argument: Int = 0) -> CommandFailure {
        let guess = EditDistance.suggestion(for: name, among: names)
        let hint = guess.map { "did you mean \($0)? " } ?? ""
        return CommandFailure("no branch called \(Display.truncated(name))", argument: argument,
                              hint: hint + "branches: " + names.joined(separator: ", "))
    }
}
