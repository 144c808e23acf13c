/// The marks of one close, shared by engines that play the same path in lockstep (the method and
/// its comparison runs often hold the same condor, bought the same day, on the same day).
///
/// A mark depends only on the day, the expiry and the strikes, so a value computed by one engine
/// is, bit for bit, the value another would compute: sharing it changes no number.
/// One memo belongs to one thread.
final class MarkMemo: @unchecked Sendable {
    typealias Key = (Int, Double, Double, Double, Double)
    static let capacity = 16
    // Raw buffers: no exclusivity bookkeeping on the hot path.
    private let state = UnsafeMutablePointer<Int>.allocate(capacity: 2)  // serial, count
    private let keys = UnsafeMutablePointer<Key>.allocate(capacity: capacity)
    private let values = UnsafeMutablePointer<Double>.allocate(capacity: capacity)

    init() {
        state[0] = Int.min
        state[1] = 0
    }

    /// The condor built at one close (strikes and mids depend on the day alone), or why none was.
    private var built: (serial: Int, dte: Int, condor: Result<IronCondor, ModelError>)?

    /// The condor `build` gives at the close `serial` for `dte` days, building it once.
    func condor(serial: Int, dte: Int, _ build: () -> Result<IronCondor, ModelError>) -> Result<IronCondor, ModelError> {
        if let b = built, b.serial == serial, b.dte == dte { return b.condor }
        let c = build()
        built = (serial, dte, c)
        return c
    }

    deinit {
        state.deallocate()
        keys.deallocate()
        values.deallocate()
    }

    /// The value for `key` at the close `serial`, computing it once (a full memo just computes).
    @inline(__always)
    func value(serial: Int, _ key: Key, _ compute: () -> Double) -> Double {
        if serial != state[0] {
            state[0] = serial
            state[1] = 0
        }
        let n = state[1]
        for i in 0..<n where keys[i] == key { return values[i] }
        let v = compute()
        if n < Self.capacity {
            (keys + n).initialize(to: key)
            values[n] = v
            state[1] = n + 1
        }
        return v
    }
}
