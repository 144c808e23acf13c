import HedgebookModel

/// The grammar of orders as traded (`open condor 5615/5665p 6425/6475c x7 at 14.20`, `hedge L1
/// 22/32 x8 at 0.98`, `close at 3.10`), of `quote`, `iv` and `payoff` (docs/whatif.md).
///
/// What the parser can know is checked here, on the token that is wrong: strikes in the wrong
/// order, fractional strikes (every listing's grid is whole points), unequal wings, a credit or a
/// debit ≥ the width, a negative price. What needs the session (SPX's 5-point grid, the cap, the
/// model's width when no strikes are typed) is checked when the order is evaluated.
extension CommandTable {
    static let strikeSpec = NumberSpec(what: "strike", unit: .plain, sign: .positive)
    static let contractsSpec = NumberSpec(what: "contracts", unit: .plain, sign: .positive, integer: true)
    static let dteSpec = NumberSpec(what: "DTE", unit: .plain, sign: .positive, integer: true)

    static func priceSpec(_ what: String) -> NumberSpec { NumberSpec(what: what, unit: .plain, sign: .nonNegative) }

    /// The parts of an order after the position's name, each at most once, in any order.
    struct OrderParts {
        var strikes: [(token: Token, argument: Int)] = []
        var contracts: Int?
        var contractsArgument: Int?
        var price: Double?
        var priceArgument: Int?
        var priceToken: Token?
        var force = false
    }

    static func orderParts(_ r: inout WhatIfReader, strikes allowStrikes: Bool, contracts allowContracts: Bool,
                           price priceWhat: String) throws(ParseError) -> OrderParts {
        var parts = OrderParts()
        while !r.atEnd {
            let argument = r.index
            let token = try r.next("order part")
            let text = token.text
            if text == "!", allowContracts {
                guard !parts.force else { throw r.extra(token, hint: "! is given twice") }
                parts.force = true
            } else if text == "at" {
                guard parts.price == nil else { throw r.extra(token, hint: "the price is given twice") }
                parts.priceArgument = r.index
                let priceToken = try r.next("price")
                parts.priceToken = priceToken
                parts.price = try WhatIfReader.number(Substring(priceToken.text), offset: 0, in: priceToken, priceSpec(priceWhat))
            } else if allowContracts, let first = text.first, first == "x" || first == "X", text.count > 1 {
                guard parts.contracts == nil else { throw r.extra(token, hint: "the contracts are given twice") }
                var digits = text.dropFirst()
                if digits.last == "!" {
                    guard !parts.force else { throw r.extra(token, hint: "! is given twice") }
                    parts.force = true
                    digits = digits.dropLast()
                }
                parts.contracts = Int(try WhatIfReader.number(digits, offset: 1, in: token, contractsSpec))
                parts.contractsArgument = argument
            } else if allowStrikes, let first = text.first, first.isASCII && first.isNumber {
                parts.strikes.append((token, argument))
            } else {
                throw r.extra(token, hint: r.input.spec.examples.last.map { "for example: \($0)" })
            }
        }
        return parts
    }

    /// `A/B` read as two strikes, each located within the token; `suffix` is stripped first.
    static func strikePair(_ token: Token, dropping suffix: Int) throws(ParseError) -> [Double] {
        let body = token.text.dropLast(suffix)
        var values: [Double] = []
        var offset = 0
        for part in body.split(separator: "/", omittingEmptySubsequences: false) {
            values.append(try WhatIfReader.number(part, offset: offset, in: token, strikeSpec))
            offset += part.count + 1
        }
        for x in values where x != x.rounded() {
            throw ParseError(.impossibleOrder("strike \(Fmt.plain(x)) is off the listing grid: strikes are listed in whole points (SPX every 5, XSP and VIX every 1)",
                                              hint: nil), at: token.span)
        }
        return values
    }

    static func refuse(_ message: String, hint: String? = nil, at token: Token) -> ParseError {
        ParseError(.impossibleOrder(message, hint: hint), at: token.span)
    }

    /// `open condor [LP/SPp SC/LCc] [xN] [at CREDIT] [!]`, `open L1 …` as `hedge L1 …`.
    @Sendable static func openGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        let word = try r.keyword(positionNames, what: "position")
        guard let kind = PositionKind(name: word) else { preconditionFailure("\(word) is a position") }
        return .open(try order(kind, &r))
    }

    /// `hedge L1 [LONG/SHORT] [xN] [at DEBIT] [!]`.
    @Sendable static func hedgeGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        let word = try r.keyword(Array(positionNames.dropFirst()), what: "hedge layer")
        guard let kind = PositionKind(name: word) else { preconditionFailure("\(word) is a layer") }
        return .open(try order(kind, &r))
    }

    static func order(_ kind: PositionKind, _ r: inout WhatIfReader) throws(ParseError) -> OrderRequest {
        let parts = try orderParts(&r, strikes: true, contracts: true,
                                   price: kind == .condor ? "credit per condor" : "price per spread")
        var order = OrderRequest(kind, contracts: parts.contracts, price: parts.price, force: parts.force)
        order.contractsArgument = parts.contractsArgument
        order.priceArgument = parts.priceArgument
        order.strikesArgument = parts.strikes.first?.argument
        if kind == .condor {
            if let price = parts.price, price == 0, let token = parts.priceToken {
                throw refuse("a credit of 0 is no trade", hint: "the credit per condor, as filled: at 14.20", at: token)
            }
            if !parts.strikes.isEmpty { order.strikes = try condorStrikes(parts.strikes.map(\.token), end: r) }
        } else {
            if let price = parts.price, price == 0, let token = parts.priceToken {
                throw refuse("a price of 0 buys nothing", hint: "the debit per spread, as filled: at 0.98", at: token)
            }
            if !parts.strikes.isEmpty { order.strikes = try layerStrikes(kind, parts.strikes.map(\.token), r) }
        }
        if let strikes = order.strikes, let price = parts.price, let token = parts.priceToken, strikes.count > 1 {
            let width = strikes[1] - strikes[0]
            if price >= width {
                let what = kind == .condor ? "credit" : "debit"
                throw refuse("a \(what) of \(Fmt.plain(price)) is not less than the width \(Fmt.plain(width)): no spread \(kind == .condor ? "pays" : "costs") that",
                             hint: "the price is per unit: 14.20 means $1,420 a condor", at: token)
            }
        }
        return order
    }

    /// `LP/SPp SC/LCc` (either order): long put < short put < short call < long call, equal wings.
    static func condorStrikes(_ tokens: [Token], end r: WhatIfReader) throws(ParseError) -> [Double] {
        var puts: (Token, [Double])?, calls: (Token, [Double])?
        for token in tokens {
            let suffix = token.text.last.map { Character($0.lowercased()) }
            guard suffix == "p" || suffix == "c", token.text.contains("/") else {
                throw refuse("condor strikes are written as puts then calls: 5615/5665p 6425/6475c", at: token)
            }
            let pair = try strikePair(token, dropping: 1)
            guard pair.count == 2 else {
                throw refuse("\(suffix == "p" ? "puts" : "calls") take two strikes: LOW/HIGH\(suffix!)", at: token)
            }
            if suffix == "p" {
                guard puts == nil else { throw r.extra(token, hint: "the puts are given twice") }
                guard pair[0] < pair[1] else {
                    throw refuse("put strikes in the wrong order: the long put is the lower",
                                 hint: "\(Fmt.plain(min(pair[0], pair[1])))/\(Fmt.plain(max(pair[0], pair[1])))p", at: token)
                }
                puts = (token, pair)
            } else {
                guard calls == nil else { throw r.extra(token, hint: "the calls are given twice") }
                guard pair[0] < pair[1] else {
                    throw refuse("call strikes in the wrong order: the short call is the lower",
                                 hint: "\(Fmt.plain(min(pair[0], pair[1])))/\(Fmt.plain(max(pair[0], pair[1])))c", at: token)
                }
                calls = (token, pair)
            }
        }
        guard let (_, p) = puts else { throw r.missing("put strikes LOW/HIGHp") }
        guard let (callToken, c) = calls else { throw r.missing("call strikes LOW/HIGHc") }
        guard p[1] < c[0] else {
            throw refuse("strikes in the wrong order: the short put \(Fmt.plain(p[1])) must be below the short call \(Fmt.plain(c[0]))",
                         at: callToken)
        }
        let putWing = p[1] - p[0], callWing = c[1] - c[0]
        guard putWing == callWing else {
            throw refuse("wings of unequal width: \(Fmt.plain(putWing)) on the puts, \(Fmt.plain(callWing)) on the calls",
                         hint: "METHOD §4 assumes equal wings: \(Fmt.plain(c[0]))/\(Fmt.plain(c[0] + putWing))c", at: callToken)
        }
        return [p[0], p[1], c[0], c[1]]
    }

    /// `LONG/SHORT` for L1 and L2 (a call spread, long the lower), `LONG` for L3.
    static func layerStrikes(_ kind: PositionKind, _ tokens: [Token], _ r: WhatIfReader) throws(ParseError) -> [Double] {
        guard tokens.count == 1 else { throw r.extra(tokens[1], hint: "one strike or one LONG/SHORT pair") }
        let token = tokens[0]
        let suffix = token.text.last.map { $0 == "c" || $0 == "C" } == true ? 1 : 0
        let strikes = try strikePair(token, dropping: suffix)
        if kind == .hedge(.l3) {
            guard strikes.count == 1 else { throw refuse("L3 is one long VIX call: one strike", hint: "for example: hedge L3 30", at: token) }
        } else {
            guard strikes.count == 2 else {
                throw refuse("\(kind.name) is a VIX call spread: LONG/SHORT", hint: "for example: hedge \(kind.name) 22/32", at: token)
            }
            guard strikes[0] < strikes[1] else {
                throw refuse("strikes in the wrong order: the long call is the lower",
                             hint: "\(Fmt.plain(strikes[1]))/\(Fmt.plain(strikes[0]))", at: token)
            }
        }
        return strikes
    }

    /// `close [POSITION] [at PRICE]`.
    @Sendable static func closeGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        var kind = PositionKind.condor
        if !r.atEnd, input.tokens[0].text != "at" {
            let word = try r.keyword(positionNames, what: "position")
            kind = PositionKind(name: word) ?? .condor
        }
        let parts = try orderParts(&r, strikes: false, contracts: false,
                                   price: kind == .condor ? "debit per condor" : "price per spread")
        var request = CloseRequest(kind, price: parts.price)
        request.priceArgument = parts.priceArgument
        return .close(request)
    }

    /// `condor`, `L1`…, or `spx put 5800 30`; `index` moves past what was read.
    static func quoteTarget(_ r: inout WhatIfReader) throws(ParseError) -> QuoteTarget {
        let word = try r.keyword(positionNames + Underlying.allCases.map(\.rawValue), what: "position or instrument")
        if let kind = PositionKind(name: word) { return .position(kind) }
        guard let underlying = Underlying(rawValue: word) else { preconditionFailure("\(word) is an instrument") }
        let kind = try r.keyword(OptionKind.allCases.map(\.rawValue), what: "option kind")
        let strike = try r.number("strike", strikeSpec)
        let dte = try r.number("DTE", dteSpec)
        guard dte <= Double(OptionPricer.maximumDTE) else {
            throw ParseError(.invalidNumber(what: "DTE", given: input(r).text, problem: .tooLarge), at: input(r).span)
        }
        return .option(underlying, OptionKind(rawValue: kind) ?? .put, strike: strike, dte: Int(dte))
    }

    private static func input(_ r: WhatIfReader) -> Token { r.input.tokens[r.index - 1] }

    /// `quote condor 3.10`, `quote L1 2.45`, `quote spx put 5800 30 at 25.10`.
    @Sendable static func quoteGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        let target = try quoteTarget(&r)
        if case .option = target, !r.atEnd, input.tokens[r.index].text == "at" { r.index += 1 }
        let price = try r.number("price", priceSpec("quoted price"))
        if !r.atEnd { throw r.extra(input.tokens[r.index]) }
        return .quote(QuoteRequest(target, price: price))
    }

    /// `iv spx put 5800 30 [at 25.10]`, `iv condor`, `iv L1`.
    @Sendable static func ivGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        let target = try quoteTarget(&r)
        var price: Double?
        var priceArgument = 0
        if case .option = target, !r.atEnd {
            if input.tokens[r.index].text == "at" { r.index += 1 }
            priceArgument = r.index
            price = try r.number("price", NumberSpec(what: "option price", unit: .plain, sign: .positive))
        }
        if !r.atEnd { throw r.extra(input.tokens[r.index]) }
        var request = ImpliedVolRequest(target, price: price)
        request.priceArgument = priceArgument
        return .impliedVol(request)
    }

    /// `+7d`, `+2w` or `2026-02-01` after `at` (a date is resolved against the session's date).
    static func horizon(_ r: inout WhatIfReader) throws(ParseError) -> (days: Int?, date: CalendarDate?) {
        let token = try r.next("+Nd or a date")
        if token.text.hasPrefix("+") {
            var digits = token.text.dropFirst()
            var unit = 1
            if let last = digits.last, last == "d" || last == "w" {
                unit = last == "w" ? 7 : 1
                digits = digits.dropLast()
            }
            guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else {
                throw ParseError(.unknownWord(.value("time"), given: token.text, choices: ["+7d", "+2w", "2026-02-01"], suggestion: nil),
                                 at: token.span)
            }
            guard n * unit <= OptionPricer.maximumDTE else {
                throw ParseError(.invalidNumber(what: "days ahead", given: token.text, problem: .tooLarge), at: token.span)
            }
            return (n * unit, nil)
        }
        do {
            return (nil, try DateLiteral.read(token.text))
        } catch {
            let span = error.part.map { SourceSpan(column: token.span.column + $0.offset, length: $0.length) } ?? token.span
            throw ParseError(.invalidDate(given: token.text, problem: error.problem), at: span)
        }
    }

    /// `payoff [vix] [at DATE | at +7d | +7d] [--svg FILE | --svg! FILE]`, in any order.
    @Sendable static func payoffGrammar(_ input: GrammarInput) throws(ParseError) -> Command {
        var r = WhatIfReader(input)
        var request = PayoffRequest()
        var timed = false
        while !r.atEnd {
            let token = input.tokens[r.index]
            switch token.text {
            case "vix" where token.kind == .word && !request.vix:
                request.vix = true
                r.index += 1
            case "at" where token.kind == .word && !timed:
                r.index += 1
                request.atArgument = r.index
                (request.days, request.date) = try horizon(&r)
                timed = true
            case let t where t.hasPrefix("+") && token.kind == .word && !timed:
                request.atArgument = r.index
                (request.days, request.date) = try horizon(&r)
                timed = true
            case let t where (t == "--svg" || t == "--svg!") && token.kind == .word && request.svg == nil:
                r.index += 1
                guard !r.atEnd else { throw r.missing("file") }
                let file = input.tokens[r.index]
                guard !file.text.isEmpty else { throw ParseError(.emptyPath, at: file.span) }
                request.svg = file.text
                request.svgArgument = r.index
                request.overwrite = token.text == "--svg!"
                r.index += 1
            default:
                throw r.extra(token, hint: "payoff takes vix, at DATE or at +7d, and --svg FILE")
            }
        }
        return .payoff(request)
    }
}
