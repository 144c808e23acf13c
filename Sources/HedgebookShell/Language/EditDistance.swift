/// "Did you mean …?": the closest known word by edit distance.
enum EditDistance {
    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive.
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.lowercased()), t = Array(b.lowercased())
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var before = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d = min(d, before[j - 2] + 1)
                }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[t.count]
    }

    /// The candidate closest to `word`, if close enough to be a plausible slip; else a candidate
    /// that `word` is the unique prefix of. Ties go to the earlier candidate.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let longest = candidates.map(\.count).max() ?? 0
        guard !word.isEmpty, word.count <= longest + 3 else { return nil }
        let allowed = max(1, min(3, word.count / 3))
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= allowed, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        if let best { return best.word }
        let prefixed = candidates.filter { word.count >= 2 && $0.hasPrefix(word.lowercased()) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}
