/// A long, realistic hedgebook script for the replay benchmark, the same for every run.
///
/// Per 100 lines, roughly: 37 trades (26 wins, 11 losses), 29 market moves (SPX, VIX, VVIX, the
/// date), 10 settings, 5 cash moves, 3 events, 3 VIX future quotes, and 13 queries: 3 `condor`,
/// 2 `layers`, 2 `price`, 2 `why`, 1 each of `progression`, `risk` and `settings`; and a
/// `journal` (every trade so far) every 20,000 lines.
enum ReplayScript {
    /// The script's lines, the first of which sets the account.
    static func lines(count: Int) -> [String] {
        var rng = SplitMix(state: 20_260_102)
        var lines = ["account 100000", "set underlying xsp"]
        var day = 0
        while lines.count < count {
            if lines.count % 20_000 == 0 { lines.append("journal"); continue }
            lines.append(line(rng.next() % 100, &rng, day: &day))
        }
        return lines
    }

    private static func line(_ roll: UInt64, _ rng: inout SplitMix, day: inout Int) -> String {
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
        switch roll {
        case 0..<26: return "win \(pick(40...180))"
        case 26..<37: return "loss \(pick(60...260))"
        case 37..<51: return "spx \(pick(5600...6400))"
        case 51..<60: return "vix \(pick(12...32))"
        case 60..<62: return "vvix \(pick(70...120))"
        case 62..<66:
            day += 1
            let month = 1 + (day / 28) % 12, dayOfMonth = 1 + day % 28
            return "date 20\(26 + day / 336)-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
        case 66..<69: return "set delta \(pick(12...20))"
        case 69..<71: return "set dte \(pick(30...60))"
        case 71..<73: return "set base 1.\(pick(0...5))%"
        case 73..<76: return "set width \(pick(3...8))"
        case 76..<79: return "deposit \(pick(1...20) * 100)"
        case 79..<81: return "withdraw \(pick(1...10) * 100)"
        case 81..<84: return "event \(["cpi", "ppi", "fomc"][pick(0...2)])"
        case 84..<87: return "future \(pick(2...4) * 30) \(pick(15...25)).\(pick(0...9))"
        case 87..<90: return "condor"
        case 90..<92: return "layers"
        case 92..<94: return "price xsp put \(pick(550...600)) \(pick(20...60))"
        case 94..<95: return "progression"
        case 95..<96: return "risk winrate \(pick(60...85))%"
        case 96..<98: return "why"
        default: return "settings"
        }
    }
}

/// SplitMix64: a tiny seeded generator, so the script is identical on every run.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
