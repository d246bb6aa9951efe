import Foundation
import PythonSyntax

/// Float arithmetic without leaving the dispatch loop (CPython 3.11's BINARY_OP_ADD_FLOAT,
/// BINARY_OP_MULTIPLY_FLOAT, COMPARE_OP_FLOAT_JUMP): a float and a float, or a float and a small int, are
/// read in place from their registers and the result is stored as an inline `.float` — no call into
/// `Arithmetic`, no `Number` enum, no allocation (nbody and float spent 40 % of their instructions in that
/// chain). Anything else — big ints, division by zero, objects — returns nil and the general path decides.
extension Interpreter {
    /// Ints whose conversion to Double is exact (|i| ≤ 2**53): mixed comparisons stay exact, as CPython's
    /// float_richcompare makes them.
    @inline(__always)
    static func exactDouble(_ i: Int) -> Double? {
        i >= -(1 << 53) && i <= 1 << 53 ? Double(i) : nil
    }

    /// Both operands as Doubles when at least one is a float and the other a float or an int; nil
    /// otherwise (two ints, objects, bools). Arithmetic converts any int (PyLong_AsDouble rounds to
    /// nearest, as `Double(_:)` does).
    @inline(__always)
    static func floatOperands(_ regs: UnsafeMutablePointer<Value>, _ b: Int, _ c: Int) -> (Double, Double)? {
        if case .float(let x) = regs[b] {
            if case .float(let y) = regs[c] { return (x, y) }
            if case .int(let y) = regs[c] { return (x, Double(y)) }
        } else if case .int(let x) = regs[b], case .float(let y) = regs[c] {
            return (Double(x), y)
        }
        return nil
    }

    /// As `floatOperands`, for comparisons: an int operand must convert exactly.
    @inline(__always)
    static func comparableFloats(_ regs: UnsafeMutablePointer<Value>, _ b: Int, _ c: Int) -> (Double, Double)? {
        if case .float(let x) = regs[b] {
            if case .float(let y) = regs[c] { return (x, y) }
            if case .int(let y) = regs[c], let d = exactDouble(y) { return (x, d) }
        } else if case .int(let x) = regs[b], case .float(let y) = regs[c], let d = exactDouble(x) {
            return (d, y)
        }
        return nil
    }

    /// The six fused orderings of `jumpUnlessCompare` (`Opcode.fusedComparisons` order) on Doubles.
    @inline(__always)
    static func fusedCompare(_ d: UInt16, _ x: Double, _ y: Double) -> Bool {
        switch d {
        case 0: x < y
        case 1: x <= y
        case 2: x > y
        case 3: x >= y
        case 4: x == y
        default: x != y
        }
    }

    /// `binary`/`inplace` on two scalars (ints, floats) for the operators the VM has no opcode of its own
    /// for: `/`, `//`, `%` with a float, and int `/`. nil when the general path must decide (zero
    /// divisors raise there, `**` has its complex-number cases there).
    @inline(__always)
    static func scalarBinary(_ op: BinaryOperator, _ l: Value, _ r: Value) -> Value? {
        let x: Double, y: Double
        switch l {
        case .float(let a): x = a
        case .int(let a):
            if case .int(let b) = r {
                guard op == .trueDivide, b != 0, let p = exactDouble(a), let q = exactDouble(b) else { return nil }
                return .float(p / q)
            }
            x = Double(a)
        default: return nil
        }
        switch r {
        case .float(let b): y = b
        case .int(let b): y = Double(b)
        default: return nil
        }
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .trueDivide: return y == 0 ? nil : .float(x / y)
        case .floorDivide: return y == 0 ? nil : .float(FloatDivision.floorDivide(x, y))
        case .modulo: return y == 0 ? nil : .float(FloatDivision.modulo(x, y))
        default: return nil
        }
    }
}

/// Float `//` and `%` exactly as Objects/floatobject.c computes them (`_float_div_mod`): the quotient
/// from `(x - fmod(x, y)) / y`, not `floor(x / y)` (`1 // 0.1` is 9.0, while `floor(1 / 0.1)` is 10.0).
enum FloatDivision {
    static func modulo(_ x: Double, _ y: Double) -> Double {
        var mod = fmod(x, y)
        if mod != 0 {
            if (y < 0) != (mod < 0) { mod += y }
        } else {
            mod = copysign(0, y)
        }
        return mod
    }

    static func floorDivide(_ x: Double, _ y: Double) -> Double {
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) {
                mod += y
                div -= 1
            }
        }
        guard div != 0 else { return copysign(0, x / y) }
        var floorDiv = div.rounded(.down)
        if div - floorDiv > 0.5 { floorDiv += 1 }
        return floorDiv
    }
}
