import BigInt
import Foundation
import PythonSyntax

/// Python's `complex` (Objects/complexobject.c): two doubles, CPython's arithmetic (Smith's division,
/// `c_powi` for small integral exponents, `_Py_c_pow` otherwise), repr, hash and errors. Ints, floats and
/// bools mix in as complex numbers with a zero imaginary part.
final class PyComplex: PyObject, @unchecked Sendable {
    let real: Double
    let imag: Double

    init(_ real: Double, _ imag: Double) {
        self.real = real
        self.imag = imag
        super.init(tag: .complex)
    }

    static let type: PyType = {
        let t = PyType(name: "complex", base: BuiltinTypes.object)
        t.construct = { type, args, kwargs, ctx in try ComplexMath.construct(type, args, kwargs, ctx) }
        t.addMethod("conjugate") { a, _, _ in
            guard case .object(let c as PyComplex) = a[0] else { return a[0] }
            return .object(PyComplex(c.real, -c.imag))
        }
        t.addMethod("__complex__") { a, _, _ in a[0] }
        t.addMethod("__format__") { a, _, ctx in
            guard case .object(let c as PyComplex) = a[0], a.count > 1, case .object(let s as PyStr) = a[1] else { return .str("") }
            return .str(try ComplexMath.format(c, s.value, ctx))
        }
        t.addMethod("__getnewargs__") { a, _, _ in
            guard case .object(let c as PyComplex) = a[0] else { return .none }
            return .object(PyTuple([.float(c.real), .float(c.imag)]))
        }
        return t
    }()
}

enum ComplexMath {
    /// A number as a complex pair, nil for anything that is not int, float, bool or complex.
    static func pair(_ v: Value) -> (Double, Double)? {
        switch v {
        case .object(let c as PyComplex): return (c.real, c.imag)
        case .int(let i): return (Double(i), 0)
        case .bool(let b): return (b ? 1 : 0, 0)
        case .float(let d): return (d, 0)
        case .object(let o):
            if let b = o as? PyBigInt { return (Double(b.value), 0) }
            if let f = o as? SubclassedFloat { return (f.value, 0) }
            return nil
        case .none: return nil
        }
    }

    static func isComplex(_ v: Value) -> Bool {
        if case .object(let o) = v { return o.tag == .complex }
        return false
    }

    /// `l op r` when either side is complex and both are numbers; nil otherwise.
    static func binary(_ op: BinaryOperator, _ l: Value, _ r: Value) throws -> Value? {
        guard isComplex(l) || isComplex(r), let a = pair(l), let b = pair(r) else { return nil }
        let result: (Double, Double)
        switch op {
        case .add: result = (a.0 + b.0, a.1 + b.1)
        case .subtract: result = (a.0 - b.0, a.1 - b.1)
        case .multiply: result = product(a, b)
        case .trueDivide:
            guard let q = quotient(a, b) else { throw PyException.make(.zeroDivisionError, "complex division by zero") }
            result = q
        case .power:
            result = try power(a, b)
        default:
            return nil
        }
        return .object(PyComplex(result.0, result.1))
    }

    static func product(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double) {
        (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
    }

    /// `_Py_c_quot` (Smith's algorithm); nil for a zero divisor.
    static func quotient(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double)? {
        let absReal = abs(b.0), absImag = abs(b.1)
        if absReal >= absImag {
            if absReal == 0 { return nil }
            let ratio = b.1 / b.0
            let denominator = b.0 + b.1 * ratio
            return ((a.0 + a.1 * ratio) / denominator, (a.1 - a.0 * ratio) / denominator)
        }
        if absImag >= absReal {
            let ratio = b.0 / b.1
            let denominator = b.0 * ratio + b.1
            return ((a.0 * ratio + a.1) / denominator, (a.1 * ratio - a.0) / denominator)
        }
        return (.nan, .nan)
    }

    /// complex_pow: repeated squaring for integral exponents up to 100, `_Py_c_pow` otherwise.
    static func power(_ a: (Double, Double), _ b: (Double, Double)) throws -> (Double, Double) {
        if b.1 == 0, b.0 == b.0.rounded(.down), abs(b.0) <= 100 {
            let n = Int(b.0)
            if n == 0 { return (1, 0) }
            if a == (0, 0) && n < 0 { throw PyException.make(.zeroDivisionError, "0.0 to a negative or complex power") }
            let p = powu(a, abs(n))
            if n > 0 { return p }
            guard let q = quotient((1, 0), p) else { throw PyException.make(.zeroDivisionError, "0.0 to a negative or complex power") }
            return q
        }
        if b == (0, 0) { return (1, 0) }
        if a == (0, 0) {
            if b.1 != 0 || b.0 < 0 { throw PyException.make(.zeroDivisionError, "0.0 to a negative or complex power") }
            return (0, 0)
        }
        let magnitude = hypot(a.0, a.1)
        var length = Foundation.pow(magnitude, b.0)
        let angle = atan2(a.1, a.0)
        var phase = angle * b.0
        if b.1 != 0 {
            length /= Foundation.exp(angle * b.1)
            phase += b.1 * Foundation.log(magnitude)
        }
        return (length * Foundation.cos(phase), length * Foundation.sin(phase))
    }

    private static func powu(_ x: (Double, Double), _ n: Int) -> (Double, Double) {
        var r = (1.0, 0.0)
        var p = x
        var mask = 1
        while mask > 0 && n >= mask {
            if n & mask != 0 { r = product(r, p) }
            mask <<= 1
            p = product(p, p)
        }
        return r
    }

    // MARK: - repr, hash, equality

    /// complex_repr: `(a+bj)`, or `bj` alone when the real part is +0.0.
    static func repr(_ c: PyComplex) -> String {
        let imag = part(c.imag)
        if c.real == 0 && c.real.sign == .plus { return imag + "j" }
        let sign = imag.hasPrefix("-") ? "" : "+"
        return "(" + part(c.real) + sign + imag + "j)"
    }

    /// A component as `repr` writes it inside a complex: float repr without the added `.0`.
    static func part(_ d: Double) -> String {
        let text = formatFloatRepr(d)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// complex_hash over CPython's float hashes.
    static func hash(_ c: PyComplex) -> Int {
        let real = CPythonHash.double(c.real) ?? objectHash(c)
        let imag = CPythonHash.double(c.imag) ?? objectHash(c)
        let h = real &+ 1_000_003 &* imag
        return h == -1 ? -2 : h
    }

    /// The key hash dicts use (`HashKey.pythonHash`): a complex with no imaginary part hashes as its real part.
    static func keyHash(_ c: PyComplex) -> Int {
        if c.imag == 0 { return HashKey.pythonHash(.float(c.real)) }
        return hash(c)
    }

    /// `a == b` with a complex on either side; nil when the other side is not a number.
    static func equal(_ a: Value, _ b: Value) -> Bool? {
        guard isComplex(a) || isComplex(b), let x = pair(a), let y = pair(b) else { return nil }
        return x.0 == y.0 && x.1 == y.1
    }
}
