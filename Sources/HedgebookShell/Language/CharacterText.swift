extension String {
    /// The text of `characters`, copied as UTF-8 bytes into one string (the parser's columns are
    /// characters, so it keeps lines as `[Character]`; appending them one by one is slow).
    init(characters: ArraySlice<Character>) {
        var count = 0
        for c in characters { count += c.utf8.count }
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var i = 0
            for c in characters {
                for byte in c.utf8 {
                    buffer[i] = byte
                    i += 1
                }
            }
            return String(decoding: buffer, as: UTF8.self)
        }
    }
}
