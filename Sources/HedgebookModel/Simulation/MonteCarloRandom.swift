/// SplitMix64: a 64-bit mixer used to seed streams (Steele, Lea & Flood 2014).
///
/// ```
/// state += 0x9E3779B97F4A7C15
/// z = (state ^ (state >> 30)) × 0xBF58476D1CE4E5B9
/// z = (z ^ (z >> 27)) × 0x94D049BB133111EB
/// next = z ^ (z >> 31)
/// ```
public struct SplitMix64: Sendable, Equatable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256**: the trade draws of the Monte Carlo (Blackman & Vigna 2018). No system randomness.
///
/// Each simulated path has its own stream, derived from the seed and the path's index with
/// ``SplitMix64``, so a path draws the same numbers whichever thread plays it.
public struct Xoshiro256StarStar: Sendable, Equatable {
    public var s0, s1, s2, s3: UInt64

    /// A generator in the given state (not all zero).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// The stream of path `stream` for `seed`.
    public init(seed: UInt64, stream: UInt64) {
        var key = SplitMix64(seed: seed)
        let mixedSeed = key.next()
        var mixer = SplitMix64(seed: mixedSeed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is the one xoshiro cannot leave
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
