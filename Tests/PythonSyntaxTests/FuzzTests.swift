import Testing
@testable import PythonSyntax

/// The parser must return or throw on any input: never crash, never hang. Inputs are seeded mutations of
/// valid programs (deterministic, so a failure reproduces) plus hostile nesting.
@Suite struct FuzzTests {
    /// SplitMix64: a tiny deterministic generator, so failures are reproducible.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    static let seeds = [
        "def f(a, b=1, *c, d, **e):\n    return [x * 2 for x in a if x] + {k: v for k, v in e.items()}\n",
        "class A(B, metaclass=M):\n    @dec\n    def m(self):\n        try:\n            yield from g()\n        except (E, F) as e:\n            raise X from e\n        finally:\n            pass\n",
        "x = f'{a!r:>{w}} {b=} {{c}}' 'd' b'e'[1:2:3]\nwith a as (b, c), d: e; f\n",
        "while x := g():\n    if a < b <= c is not d: break\n    elif not e: continue\n    else: x **= 2\n",
        "import a.b as c\nfrom ..x import (y, z,)\nglobal q\nlambda *a, **k: (a, k)\nprint(*args, sep='', **kw)\n",
        "s = '''multi\nline''' + r'\\d' + \"\\x41\\u00e9\" + 0x_ff + 1_0.5e-3 + 7j\n",
    ]

    static let fragments = [
        "(", ")", "[", "]", "{", "}", ":", ",", "=", "\n", "    ", "\t", "'", "\"", "f'{", "}", "\\", "#", "lambda",
        "yield", "*", "**", ":=", "if ", "else", "for ", " in ", "@", ".", "...", "0x", "1_", "é", "\u{0}", "\r", "not ",
    ]

    @Test func mutatedProgramsReturnOrThrow() {
        var random = SplitMix(state: 0xC0FFEE)
        var accepted = 0
        var rejected = 0
        for round in 0..<4000 {
            var scalars = Array(Self.seeds[round % Self.seeds.count].unicodeScalars)
            for _ in 0..<(1 + random.below(4)) {
                let at = random.below(scalars.count + 1)
                switch random.below(4) {
                case 0 where !scalars.isEmpty:
                    scalars.remove(at: min(at, scalars.count - 1))
                case 1:
                    scalars.insert(contentsOf: Self.fragments[random.below(Self.fragments.count)].unicodeScalars, at: at)
                case 2 where !scalars.isEmpty:
                    let from = random.below(scalars.count)
                    let length = min(random.below(12), scalars.count - from)
                    scalars.insert(contentsOf: scalars[from..<from + length], at: at)
                default:
                    scalars.insert(Unicode.Scalar(UInt8(32 + random.below(95))), at: at)
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            do {
                _ = try PythonParser.parse(source: text, fileName: "fuzz.py")
                accepted += 1
            } catch {
                rejected += 1
                #expect(error.location.line >= 1 && error.location.column >= 1, "\(text.debugDescription): \(error)")
            }
        }
        #expect(accepted + rejected == 4000)
        #expect(accepted > 0 && rejected > 0)
    }

    @Test func randomBytesReturnOrThrow() {
        var random = SplitMix(state: 42)
        let alphabet = Array("ab1 ()[]{}:,.=+-*/'\"\n\t\\#fx_if lambda not".unicodeScalars)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<random.below(60) { text.unicodeScalars.append(alphabet[random.below(alphabet.count)]) }
            _ = try? PythonParser.parse(source: text, fileName: "fuzz.py")
        }
    }

    @Test(arguments: [
        String(repeating: "(", count: 5000), String(repeating: "[", count: 199) + String(repeating: "]", count: 199),
        String(repeating: "-", count: 100_000) + "1", String(repeating: "not ", count: 20_000) + "x",
        "x = " + String(repeating: "lambda: ", count: 5000) + "1", "x = " + String(repeating: "2 ** ", count: 5000) + "2",
        "x = " + String(repeating: "a if b else ", count: 5000) + "c",
        String(repeating: "(-", count: 199) + "1" + String(repeating: ")", count: 199),
        (0..<120).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 120) + "pass\n",
        String(repeating: "f'{", count: 50), "x = " + String(repeating: "1 + ", count: 20_000) + "1",
    ])
    func hostileNestingReturnsOrThrows(text: String) {
        _ = try? PythonParser.parse(source: text, fileName: "deep.py")
    }
}
