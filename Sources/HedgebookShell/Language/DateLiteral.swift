import HedgebookModel

/// Reads `YYYY-MM-DD` into a ``CalendarDate``, saying which part is impossible.
enum DateLiteral {
    struct Failure: Error, Equatable {
        var problem: DateProblem
        /// Offset and length of the offending part within the word, when one part is to blame.
        var part: (offset: Int, length: Int)?

        static func == (a: Failure, b: Failure) -> Bool {
            a.problem == b.problem && a.part?.offset == b.part?.offset && a.part?.length == b.part?.length
        }
    }

    static func read(_ text: String) throws(Failure) -> CalendarDate {
        let chars = Array(text.prefix(11))
        guard chars.count == 10, chars[4] == "-", chars[7] == "-",
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ chars[$0].isASCII && chars[$0].isWholeNumber }),
              let year = Int(String(chars[0..<4])), let month = Int(String(chars[5..<7])),
              let day = Int(String(chars[8..<10])) else {
            throw Failure(problem: .malformed, part: nil)
        }
        guard (1...9999).contains(year) else { throw Failure(problem: .noSuchYear(year), part: (0, 4)) }
        guard (1...12).contains(month) else { throw Failure(problem: .noSuchMonth(month), part: (5, 2)) }
        if let date = CalendarDate(year: year, month: month, day: day) { return date }
        var days = 31
        while days > 28, CalendarDate(year: year, month: month, day: days) == nil { days -= 1 }
        throw Failure(problem: .noSuchDay(year: year, month: month, day: day, daysInMonth: days), part: (8, 2))
    }
}
