import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HedgebookModel
import Testing

@testable import HedgebookShell

/// The parse error of `line`, or `nil` when it parses.
private func orderParseError(_ line: String) -> ParseError? {
    if case .failure(let e) = Parser.parse(line: line) { return e }
    return nil
}

/// The column an evaluation error of `line` points at, from its JSON.
private func failureColumn(_ r: LineResult) -> Int? {
    guard let last = r.json.last, let range = last.range(of: "\"column\":") else { return nil }
    return Int(last[range.upperBound...].prefix { $0.isNumber })
}

@Suite("Orders as traded: typed strikes, contracts and prices")
struct OrderParsingTests {
    @Test("Every part of an order is optional and read exactly")
    func forms() {
        var condor = OrderRequest(.condor, strikes: [5615, 5665, 6425, 6475], contracts: 7, price: 14.20)
        #expect(commands("open condor 5615/5665p 6425/6475c x7 at 14.20") == [.open(condor)])
        #expect(commands("open condor 6425/6475c 5615/5665p at 14.20 x7") == [.open(condor)])
        condor.force = true
        #expect(commands("open condor 5615/5665p 6425/6475c x7 at 14.20 !") == [.open(condor)])
        #expect(commands("open condor 5615/5665p 6425/6475c x7! at 14.20") == [.open(condor)])
        #expect(commands("open condor x3") == [.open(OrderRequest(.condor, contracts: 3))])
        #expect(commands("open condor") == [.open(OrderRequest(.condor))])
        #expect(commands("close at 3.10") == [.close(CloseRequest(.condor, price: 3.10))])
        #expect(commands("close") == [.close(CloseRequest(.condor))])
        #expect(commands("close L1 at 2.45") == [.close(CloseRequest(.hedge(.l1), price: 2.45))])
        #expect(commands("hedge L1 x8 at 0.98") == [.open(OrderRequest(.hedge(.l1), contracts: 8, price: 0.98))])
        #expect(commands("hedge L1 22/32 x8 at 0.98") == [.open(OrderRequest(.hedge(.l1), strikes: [22, 32], contracts: 8, price: 0.98))])
        #expect(commands("hedge L3 30 x2") == [.open(OrderRequest(.hedge(.l3), strikes: [30], contracts: 2))])
        #expect(commands("quote condor 3.10") == [.quote(QuoteRequest(.position(.condor), price: 3.10))])
        #expect(commands("quote spx put 5800 30 at 25.10") == [.quote(QuoteRequest(.option(.spx, .put, strike: 5800, dte: 30), price: 25.10))])
        #expect(commands("iv condor") == [.impliedVol(ImpliedVolRequest(.position(.condor)))])
        #expect(commands("payoff +7d") == [.payoff(PayoffRequest(days: 7))])
        #expect(commands("payoff vix at 2026-02-01") == [.payoff(PayoffRequest(vix: true, date: date(2026, 2, 1)))])
    }

    /// (line, column of the offending token, words of the message).
    static let refusals: [(String, Int, String)] = [
        ("open condor 5665/5615p 6425/6475c", 13, "wrong order"),          // long put above the short put
        ("open condor 5615/5665p 6475/6425c", 24, "wrong order"),          // long call below the short call
        ("open condor 5615/5665p 5600/5650c", 24, "below the short call"), // puts and calls cross
        ("open condor 5615/5665p 6425/6465c", 24, "unequal width"),        // 50 and 40
        ("open condor 5615.5/5665p 6425/6475c", 13, "off the listing grid"),
        ("open condor 5615/5665p 6425/6475c at 50", 38, "not less than the width"),
        ("open condor 5615/5665p 6425/6475c at 62.5", 38, "not less than the width"),
        ("open condor x7 at -1", 19, "negative"),
        ("open condor at 0", 16, "no trade"),
        ("hedge L1 32/22 x8", 10, "wrong order"),
        ("hedge L1 22/32 at 10", 19, "not less than the width"),
        ("hedge L3 22/32", 10, "one strike"),
        ("close at -2", 10, "negative"),
        ("open condor x0", 14, "positive"),
        ("open condor x7 x8", 16, "twice"),
    ]

    @Test("An impossible order is a located parse error", arguments: refusals)
    func refused(_ line: String, _ column: Int, _ words: String) throws {
        let e = try #require(orderParseError(line), "\(line) parsed")
        #expect(e.span.column == column, "\(line): column \(e.span.column): \(e.message)")
        #expect((e.message + " " + (e.hint ?? "")).contains(words), "\(line): \(e.message)")
    }
}

@Suite("Orders as traded: execution, quotes, iv and the risk graph of what is held")
struct OrderExecutionTests {
    /// A session with room under the cap for a hand-entered trade.
    static func session() -> Shell { whatIfShell("account 250000", "set cap 50%") }

    @Test("Typed strikes are kept exactly, and a typed credit is the fill")
    func typedStrikes() throws {
        let s = Self.session()
        #expect(s.execute("open condor 5615/5665p 6425/6475c x7 at 14.20").ok)
        let p = try #require(s.session.state.positions.first)
        #expect(p.legs.map(\.strike) == [5615, 5665, 6425, 6475])
        #expect(p.legs.map(\.quantity) == [7, -7, -7, 7])
        #expect(p.contracts == 7 && p.source == .typed)
        #expect(abs(p.fill - 14.20) < 1e-12)
        #expect(abs(p.entryValue - -9940) < 1e-9)
        #expect(p.legs.allSatisfy { $0.entryPrice >= 0 })
    }

    @Test("A condor opened at a typed credit and closed at a typed debit realises (credit − debit) × 100 × contracts − fees")
    func realisedExactly() throws {
        let s = Self.session()
        let before = s.session.state.account.equity
        #expect(s.execute("open condor 5615/5665p 6425/6475c x7 at 14.20").ok)
        let r = s.execute("close at 3.10")
        #expect(r.ok, "\(r.error)")
        // (14.20 − 3.10) × 100 × 7 = 7,770, less the fees of METHOD §9 ($1.00 a leg a contract, at the
        // open and again at the close: 4 × 7 × $1 × 2 = $56), worked by hand: 7,714. No slippage: both prices are typed.
        let expected = 7714.0
        #expect(abs((number(json(lastResult(s), "pnl")) ?? .nan) - expected) < 1e-9)
        #expect(abs(s.session.state.account.equity - before - expected) < 1e-9)
        #expect(s.session.state.positions.isEmpty)
    }

    /// Lines whose evaluation is refused, with the column the error points at.
    static let refusedOrders: [(String, Int)] = [
        ("open condor 5617/5667p 6427/6477c x1 at 10", 13),   // SPX lists every 5 points
        ("open condor x9 at 14.20", 13),                      // past the cap (2 fit, see `forced`)
        ("open condor at 60", 16),                            // the model's wings are 50 wide
        ("close at 3.10", 1),                                 // nothing open
        ("quote condor 3.10", 7),                             // nothing open to quote
        ("hedge L1 22/32 x900 at 0.98", 16),                  // past the cap
    ]

    @Test("Every refusal is a located error that changes nothing", arguments: refusedOrders)
    func refusalsChangeNothing(_ line: String, _ column: Int) {
        let s = whatIfShell("account 100000")
        let cells = s.session.cells.count, log = s.session.log.count
        let equity = s.session.state.account.equity
        let r = s.execute(line)
        #expect(!r.ok, "\(line) ran")
        #expect(failureColumn(r) == column, "\(line): \(r.error)")
        #expect(s.session.cells.count == cells && s.session.log.count == log)
        #expect(s.session.state.positions.isEmpty && s.session.state.account.equity == equity)
        #expect(s.session.state.quotes.isEmpty)
    }

    @Test("Past the cap, ! forces the order and the position records by how much")
    func forced() throws {
        let s = whatIfShell("account 100000")
        let refused = s.execute("open condor x4 at 14.20")
        #expect(!refused.ok && refused.error.contains("2 more than the cap allows"))
        #expect(s.execute("open condor x4 at 14.20 !").ok)
        let p = try #require(s.session.state.positions.first)
        // The cap on capital at risk is 10% of $100,000 = $10,000; a condor's max loss is the 50-point
        // width less the credit as filled: $5,000 − ($1,420 − 4 legs × $1 fees) = $3,584, so
        // ⌊10,000 / 3,584⌋ = 2 fit and 4 is 2 past.
        #expect(p.contracts == 4 && p.pastCap == 2)
        #expect(json(lastResult(s), "pastCap") == .int(2))
    }

    @Test("iv of a model price returns the session's σ(K) to 1e-8")
    func ivOfModelPrice() throws {
        var state = SessionState()
        state.market.skew = 4
        for (kind, strike, dte) in [(OptionKind.put, 5800.0, 30), (.call, 6300, 45), (.put, 5200, 90)] {
            let price = try OptionPricer.quote(market: state.market, underlying: .spx, kind: kind, strike: strike, dte: dte).quote.price
            let report = try Evaluator.impliedVolReport(state, ImpliedVolRequest(.option(.spx, kind, strike: strike, dte: dte), price: price))
            let iv = try #require(number(json(.object(report.result), "iv")))
            // σ(K) = max(0.01, σ_atm + (skew/100)(−ln(K/F)/0.10)), F = S e^{(r−q)T}  (METHOD §2).
            let t = Double(dte) / 365
            let f = 6000 * exp((0.04 - 0.013) * t)
            let sigma = max(0.01, 0.18 + 0.04 * (-log(strike / f) / 0.10))
            #expect(abs(iv - sigma) < 1e-8, "\(kind) \(strike) \(dte): \(iv) vs \(sigma)")
            #expect(abs((number(json(.object(report.result), "difference")) ?? 1)) < 1e-8)
        }
    }

    @Test("A quoted mark moves the marked P&L by exactly the quote's difference, until the market moves")
    func quotedMark() throws {
        let s = Self.session()
        #expect(s.execute("open condor 5615/5665p 6425/6475c x7 at 14.20").ok)
        #expect(s.execute("positions").ok)
        let modelEquity = try #require(number(json(lastResult(s), "markedEquity")))
        #expect(s.execute("quote condor 3.10").ok)
        // What closing at the model's fills would pay (mids + slippage on the shorts, − on the longs).
        let modelMark = try #require(number(json(lastResult(s), "modelMark")))
        #expect(s.execute("positions").ok)
        let quotedEquity = try #require(number(json(lastResult(s), "markedEquity")))
        // The quote marks the condor at −3.10 × 100 × 7 = −$2,170; the closing fees are the same either way.
        #expect(abs(quotedEquity - modelEquity - (-2170 - modelMark)) < 1e-9)
        #expect(json(lastResult(s), "positions", 0, "markSource") == .string("quote"))
        #expect(s.execute("spx 6000").ok)
        #expect(s.session.state.quotes.isEmpty)
        #expect(s.execute("positions").ok)
        #expect(json(lastResult(s), "positions", 0, "markSource") == .string("model"))
    }

    @Test("close without a price closes at the position's quote when it has one")
    func closeAtQuote() throws {
        let s = Self.session()
        #expect(s.execute("open condor 5615/5665p 6425/6475c x7 at 14.20").ok)
        #expect(s.execute("quote condor 3.10").ok)
        let r = s.execute("close")
        #expect(r.ok && r.text.contains("quoted 3.10"))
        #expect(abs((number(json(lastResult(s), "pnl")) ?? .nan) - 7714) < 1e-9)   // as in realisedExactly
    }

    @Test("A leg quote marks that leg; iv condor shows its implied σ beside the model's")
    func legQuote() throws {
        let s = Self.session()
        #expect(s.execute("open condor 5615/5665p 6425/6475c x7 at 14.20").ok)
        #expect(s.execute("quote spx put 5665 45 at 30").ok)
        #expect(s.execute("positions").ok)
        #expect(json(lastResult(s), "positions", 0, "legs", 1, "markSource") == .string("quote"))
        #expect(number(json(lastResult(s), "positions", 0, "legs", 1, "mark")) == 30)
        #expect(json(lastResult(s), "positions", 0, "legs", 0, "markSource") == .string("model"))
        #expect(s.execute("iv condor").ok)
        #expect(number(json(lastResult(s), "legs", 1, "price")) == 30)
        #expect(number(json(lastResult(s), "legs", 1, "iv")) != nil)
        #expect(number(json(lastResult(s), "legs", 0, "iv")) == nil)
    }

    @Test("payoff of held positions at expiry is Σ quantity × 100 × intrinsic − the fills at every plotted point")
    func heldPayoffAtExpiry() throws {
        let s = Self.session()
        #expect(s.execute("open condor 5615/5665p 6425/6475c x7 at 14.20").ok)
        #expect(s.execute("payoff +7d").ok)
        let result = lastResult(s)
        #expect(json(result, "positions") == .string("held"))
        guard case .array(let points)? = json(result, "curves", 0, "points") else { Issue.record("no points"); return }
        #expect(points.count > 100)
        for point in points {
            guard case .array(let xy) = point, let x = number(xy[0]), let pnl = number(xy[1]) else { continue }
            let intrinsic = max(5665 - x, 0) - max(5615 - x, 0) + max(x - 6425, 0) - max(x - 6475, 0)
            let expected = 9940 - 700 * intrinsic   // credit $9,940 received, 7 × 100 units short the spreads
            #expect(abs(pnl - expected) < 1e-6, "at \(x): \(pnl) vs \(expected)")
        }
        guard case .array(let curves)? = json(result, "curves") else { return }
        #expect(curves.count == 3)
        guard case .array(let bes)? = json(result, "breakevens") else { return }
        // Break-evens at 5665 − 14.20 and 6425 + 14.20, to the plotting grid's linear interpolation (exact on a line).
        #expect(bes.count == 2 && abs((number(bes[0]) ?? 0) - 5650.8) < 1e-6 && abs((number(bes[1]) ?? 0) - 6439.2) < 1e-6)
    }

    @Test("payoff vix of a held layer at expiry is its intrinsic value less its fill")
    func heldLayerAgainstVIX() throws {
        let s = Self.session()
        #expect(s.execute("hedge L1 22/32 x8 at 0.98").ok)
        #expect(s.execute("payoff vix").ok)
        guard case .array(let points)? = json(lastResult(s), "curves", 0, "points") else { Issue.record("no points"); return }
        for point in points {
            guard case .array(let xy) = point, let x = number(xy[0]), let pnl = number(xy[1]) else { continue }
            let expected = 800 * (max(x - 22, 0) - max(x - 32, 0)) - 784
            #expect(abs(pnl - expected) < 1e-6, "at VIX \(x)")
        }
    }

    @Test("Planned positions are drawn when none are held, and the output says so")
    func plannedPayoff() {
        let s = Self.session()
        let r = s.execute("payoff")
        #expect(r.ok && r.text.contains("planned"))
        #expect(json(lastResult(s), "positions") == .string("planned"))
    }

    @Test("The SVG of held positions with a T+N curve parses, with three curves")
    func heldSVG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hb-orders-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("held.svg").path
        let s = Self.session()
        #expect(s.execute("open condor 5615/5665p 6425/6475c x7 at 14.20").ok)
        let r = s.execute("payoff at 2026-01-20 --svg \(path)")
        #expect(r.ok, "\(r.error)")
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.counts["polyline"] == 3)
    }

    @Test("grid … at +7d equals grid … in 7d, and starts from the quoted mark")
    func gridAt() throws {
        let s = Self.session()
        #expect(s.execute("open condor 5615/5665p 6425/6475c x7 at 14.20").ok)
        #expect(s.execute("grid spx -5%..5% step 5% vix 20 at +7d").ok)
        let at = json(lastResult(s), "pnl")
        #expect(s.execute("grid spx -5%..5% step 5% vix 20 in 7d").ok)
        #expect(json(lastResult(s), "pnl") == at)
        #expect(s.execute("positions").ok)
        let modelMark = try #require(number(json(lastResult(s), "positions", 0, "mark")))
        #expect(s.execute("quote condor 3.10").ok)
        #expect(s.execute("grid spx -5%..5% step 5% vix 20 at +7d").ok)
        guard case .array(let rows)? = at, case .array(let quotedRows)? = json(lastResult(s), "pnl") else { return }
        for (a, b) in zip(rows, quotedRows) {
            guard case .array(let ra) = a, case .array(let rb) = b else { continue }
            for (x, y) in zip(ra, rb) {
                #expect(abs((number(y) ?? 0) - (number(x) ?? 0) - (modelMark - -2170)) < 1e-6)
            }
        }
    }
}
