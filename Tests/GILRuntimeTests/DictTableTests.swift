import Testing
@testable import GILRuntime

/// `PyDict`'s own compact table (Objects/DictTable.swift) against a simple model, plus the layout facts its
/// identity probe relies on.
struct DictTableTests {
    @Test func valueLayoutMatchesTheRawIdentityProbe() {
        #expect(MemoryLayout<Value>.size == 9)
        #expect(MemoryLayout<DictEntry>.offset(of: \DictEntry.key) == DictTable.keyOffset)
        let s = PyStr("x")
        #expect(ValueBits(.object(s)) == ValueBits(.object(s)))
        #expect(ValueBits(.object(s)) != ValueBits(.object(PyStr("x"))))
        #expect(ValueBits(.int(7)) == ValueBits(.int(7)))
        #expect(ValueBits(.int(7)) != ValueBits(.int(8)))
        #expect(ValueBits(.int(1)) != ValueBits(.float(1)))
    }

    /// Random inserts, overwrites and deletes of int and str keys: same contents and insertion order as a
    /// model kept in plain arrays, through many resizes and dummy slots.
    @Test func randomOperationsMatchAModel() throws {
        let d = PyDict()
        var modelKeys: [String] = []
        var modelValues: [String: Int] = [:]
        var rng = SplitMix(seed: 42)
        func key(_ n: Int) -> (Value, String) {
            n % 2 == 0 ? (.int(n / 2), "i\(n / 2)") : (.str("s\(n / 2)"), "s\(n / 2)")
        }
        for step in 0..<20_000 {
            let (k, name) = key(Int(rng.next() % 600))
            switch rng.next() % 3 {
            case 0, 1:
                try d.set(k, .int(step))
                if modelValues[name] == nil { modelKeys.append(name) }
                modelValues[name] = step
            default:
                let removed = try d.remove(k)
                #expect((removed != nil) == (modelValues[name] != nil))
                if modelValues.removeValue(forKey: name) != nil { modelKeys.removeAll { $0 == name } }
            }
        }
        #expect(d.count == modelKeys.count)
        let names = d.entries.map { entry -> String in
            switch entry.key {
            case .int(let i): return "i\(i)"
            case .object(let o as PyStr): return o.value
            default: return "?"
            }
        }
        #expect(names == modelKeys)
        for (name, v) in modelValues {
            let k: Value = name.hasPrefix("i") ? .int(Int(name.dropFirst())!) : .str(name)
            guard case .int(let got)? = try d.get(k) else {
                Issue.record("missing \(name)")
                continue
            }
            #expect(got == v)
        }
        d.clear()
        #expect(d.count == 0 && d.entries.isEmpty && d.rawCount == 0)
        try d.set(.str("again"), .none)
        #expect(d.count == 1)
    }

    @Test func hashEqualNumbersAreOneKey() throws {
        let d = PyDict()
        try d.set(.int(1), .int(10))
        try d.set(.float(1.0), .int(20))
        try d.set(.bool(true), .int(30))
        #expect(d.count == 1)
        guard case .int(30)? = try d.get(.float(1.0)) else {
            Issue.record("1.0 did not find the entry of 1")
            return
        }
    }

    @Test func strsCompareByCodePointsNotCanonicalEquivalence() throws {
        let composed = PyStr("\u{E9}"), decomposed = PyStr("e\u{301}")
        #expect(!PyStr.equal(composed, decomposed))
        #expect(PyStr.equal(composed, PyStr("\u{E9}")))
        #expect(composed.count == 1 && decomposed.count == 2)
        #expect(PyStr.decimal(Int.min).value == String(Int.min))
        #expect(PyStr.decimal(0).value == "0" && PyStr.decimal(-7).value == "-7")
        let d = PyDict()
        try d.set(.object(composed), .int(1))
        try d.set(.object(decomposed), .int(2))
        #expect(d.count == 2)
    }
}

/// Deterministic generator for the model test (SplitMix64).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
