/// Human units for tables: durations pick ns/µs/ms/s, fractions become percentages, reals keep three
/// significant decimals. JSON and CSV never go through here.
package enum Humanize {
    package static func duration(_ ns: Int64) -> String {
        let a = abs(ns)
        if a < 1_000 { return "\(ns) ns" }
        if a < 1_000_000 { return fixed(Double(ns) / 1e3) + " µs" }
        if a < 1_000_000_000 { return fixed(Double(ns) / 1e6) + " ms" }
        return fixed(Double(ns) / 1e9) + " s"
    }

    package static func percent(_ f: Double) -> String { fixed(f * 100) + "%" }

    /// Three significant digits for ordinary magnitudes, no exponent.
    package static func fixed(_ v: Double) -> String {
        guard v.isFinite else { return String(v) }
        let a = abs(v)
        let decimals = a >= 100 ? 1 : a >= 10 ? 2 : 3
        return format(v, decimals: decimals)
    }

    package static func format(_ v: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (v * scale).rounded() / scale
        let negative = rounded < 0
        let whole = Int64(abs(rounded))
        var frac = Int64(((abs(rounded) - Double(whole)) * scale).rounded())
        var wholePart = whole
        if Double(frac) >= scale { wholePart += 1; frac = 0 }
        var s = (negative ? "-" : "") + String(wholePart)
        if decimals > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return s
    }

    package static func cell(_ v: Value) -> String {
        switch v {
        case .int(let x): x.map { String($0) } ?? "-"
        case .duration(let x): x.map(duration) ?? "-"
        case .real(let x): x.map(fixed) ?? "-"
        case .fraction(let x): x.map(percent) ?? "-"
        case .text(let x): x ?? "-"
        case .records(let r): "\(r.count) entries"
        }
    }
}
