/// What a chart draws: curves over a shared x axis, and vertical markers. Pure data.
public struct ChartData: Sendable, Equatable {
    /// A marker on the x axis: its letter in the text chart, its label, and where.
    public struct Marker: Sendable, Equatable {
        public var symbol: Character
        public var label: String
        public var x: Double
        public init(symbol: Character, label: String, x: Double) {
            self.symbol = symbol
            self.label = label
            self.x = x
        }
    }

    public var title: String
    public var xLabel: String
    public var x: [Double]
    /// The curves drawn, first to last (a later one is drawn over an earlier one).
    public var series: [(name: String, y: [Double])]
    public var markers: [Marker]
    /// Whether the y axis always reaches zero (a P&L does; an equity curve need not).
    public var includesZero: Bool

    public init(title: String, xLabel: String, x: [Double], series: [(name: String, y: [Double])], markers: [Marker],
                includesZero: Bool = true) {
        self.title = title
        self.xLabel = xLabel
        self.x = x
        self.series = series
        self.markers = markers
        self.includesZero = includesZero
    }

    public static func == (a: ChartData, b: ChartData) -> Bool {
        a.title == b.title && a.x == b.x && a.markers == b.markers
            && a.series.map(\.name) == b.series.map(\.name) && a.series.map(\.y) == b.series.map(\.y)
    }

    /// The y range drawn: every curve (and zero, unless ``includesZero`` is off), padded by 5 %.
    var yRange: (lo: Double, hi: Double) {
        let all = series.flatMap(\.y) + (includesZero ? [0] : [])
        var lo = all.min() ?? 0, hi = all.max() ?? 1
        if hi - lo < 1e-9 { hi += 1; lo -= 1 }
        let pad = (hi - lo) * 0.05
        return (lo - pad, hi + pad)
    }

    /// The curve `y` at `x`, linearly interpolated.
    func value(_ y: [Double], at t: Double) -> Double {
        guard let first = x.first, let last = x.last, x.count == y.count, x.count > 1 else { return y.first ?? 0 }
        if t <= first { return y[0] }
        if t >= last { return y[y.count - 1] }
        let f = (t - first) / (last - first) * Double(x.count - 1)
        let i = min(Int(f), x.count - 2)
        return y[i] + (y[i + 1] - y[i]) * (f - Double(i))
    }
}
