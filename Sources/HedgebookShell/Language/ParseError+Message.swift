import HedgebookModel

extension ParseError.Reason {
    /// One sentence: what was wrong, and what would be valid.
    var message: String {
        switch self {
        case .controlCharacter(let scalar):
            return "unexpected control character \(Display.codePoint(scalar))"
        case .unterminatedString:
            return "unterminated quoted string"
        case .quoteInsideWord:
            return "unexpected quote inside a word"
        case .missingSpaceAfterQuote:
            return "expected a space after the closing quote"
        case .quotedNotAllowed(let expected):
            return "expected \(expected), found a quoted string"
        case let .unknownWord(category, given, choices, _):
            switch category {
            case .command: return "unknown command \(Display.quote(given))"
            case .setting: return "unknown setting \(Display.quote(given))"
            case .helpTopic: return "no help for \(Display.quote(given))"
            case .value(let what):
                return "unknown \(what) \(Display.quote(given)); expected \(Display.alternatives(choices))"
            }
        case let .missingArgument(command, usage, _, _):
            return "\(command) needs: \(usage)"
        case let .extraArgument(command, usage, given, _):
            if usage.isEmpty { return "\(command) takes no arguments" }
            return "unexpected argument \(Display.quote(given)); \(command) needs: \(usage)"
        case let .invalidNumber(what, given, problem):
            return problem.message(what: what, given: Display.quote(given))
        case .expectedPercent(let what, _):
            return "expected a percentage for \(what)"
        case let .invalidDate(given, problem):
            return problem.message(given: Display.quote(given))
        case .emptyPath:
            return "the file name is empty"
        case .invalidRange(let given, _):
            return "\(Display.quote(given)) is not a date range"
        case .impossibleOrder(let message, _):
            return message
        }
    }

    /// A suggestion for the fix, when there is one.
    var hint: String? {
        switch self {
        case .controlCharacter, .missingSpaceAfterQuote:
            return nil
        case .unterminatedString:
            return "close the string with a matching quote"
        case .quoteInsideWord:
            return "put quotes around the whole file name: save \"my file.hb\""
        case .quotedNotAllowed:
            return "quotes are only for file names"
        case let .unknownWord(category, _, choices, suggestion):
            if let suggestion { return "did you mean \(suggestion)?" }
            switch category {
            case .command, .helpTopic: return "type help for the list of commands"
            case .setting: return "settings: " + choices.joined(separator: ", ")
            case .value: return nil
            }
        case let .missingArgument(_, _, missing, example):
            return example.map { "\(missing) is missing, as in: \($0)" } ?? "\(missing) is missing"
        case let .extraArgument(_, _, _, hint):
            return hint
        case let .invalidNumber(_, given, problem):
            return problem.hint(given: given)
        case .expectedPercent(_, let given):
            let digits = given.filter { $0 != "," }
            if let v = Double(digits), v > 0, v < 1 {
                return "did you mean \(given)% or \(ModelFormat.plain(v * 100, decimals: 8))%?"
            }
            return "did you mean \(Display.truncated(given))%?"
        case .invalidDate(_, let problem):
            return problem == .malformed ? "write dates as YYYY-MM-DD, for example 2026-11-20" : nil
        case .emptyPath:
            return "name a file, as in: save session.hb"
        case .invalidRange(_, let valid):
            return valid
        case .impossibleOrder(_, let hint):
            return hint
        }
    }
}

extension NumberProblem {
    func message(what: String, given: String) -> String {
        switch self {
        case .notANumber: return "expected a number for \(what), found \(given)"
        case .tooLong: return "\(given) is too long for a number"
        case .exponent: return "exponents are not accepted in numbers: \(given)"
        case .underscore: return "'_' is not a digit separator: \(given)"
        case .badGrouping: return "bad digit grouping in \(given): commas separate groups of three digits"
        case .unexpectedCharacter(let c): return "unexpected \(Display.quote(String(c))) in number \(given)"
        case .missingDigits: return "expected digits after the decimal point in \(given)"
        case .tooLarge: return "\(what) \(given) is too large"
        case .beyondLimit(let limit): return "\(what) \(given) is too large: hedgebook takes at most \(limit)"
        case .notWhole: return "\(what) must be a whole number, found \(given)"
        case .mustBePositive: return "\(what) must be positive, found \(given)"
        case .mustNotBeNegative: return "\(what) must not be negative, found \(given)"
        case .percentNotExpected: return "\(what) is not a percentage: \(given)"
        case .dollarNotExpected: return "\(what) is not in dollars: \(given)"
        case .suffixNotExpected: return "k and m suffixes are only for dollar amounts, not \(what): \(given)"
        }
    }

    func hint(given: String) -> String? {
        let text = Display.truncated(given)
        switch self {
        case .exponent, .tooLong, .suffixNotExpected: return "write the number out in full"
        case .underscore:
            let digits = text.filter { $0 != "_" }
            return "did you mean \(digits)?"
        case .badGrouping:
            return "did you mean \(text.filter { $0 != "," })?"
        case .percentNotExpected: return "did you mean \(text.filter { $0 != "%" })?"
        case .dollarNotExpected: return "did you mean \(text.filter { $0 != "$" })?"
        default: return nil
        }
    }
}

extension DateProblem {
    func message(given: String) -> String {
        switch self {
        case .malformed: return "expected a date as YYYY-MM-DD, found \(given)"
        case .noSuchYear: return "\(given) is not a date: the year must be 1 to 9999"
        case .noSuchMonth(let m): return "\(given) is not a date: there is no month \(m)"
        case let .noSuchDay(year, month, _, days):
            return "\(given) is not a date: \(Display.monthNames[month - 1]) \(year) has \(days) days"
        }
    }
}
