import BigInt
import Foundation
import PythonSyntax

/// Numeric and sequence binary operators: the slow paths behind the VM's inline small-int cases.
/// Semantics from Objects/longobject.c and Objects/floatobject.c (floor division and modulo round toward
/// negative infinity; true division of ints gives a float).
enum Arithmetic {
    enum Number {
        case int(BigInt)
        case small(Int)
        case float(Double)
    }

    static func number(_ v: Value) -> Number? {
        switch v {
        case .int(let i): return .small(i)
        case .bool(let b): return .small(b ? 1 : 0)
        case .float(let d): return .float(d)
        case .object(let o):
            if let b = o as? PyBigInt { return .int(b.value) }
            if o.tag == .subclassed, let f = o as? SubclassedFloat { return .float(f.value) }
            return nil
        case .none: return nil
        }
    }

    static func big(_ n: Number) -> BigInt? {
        switch n {
        case .int(let b): return b
        case .small(let i): return BigInt(i)
        case .float: return nil
        }
    }

    static func double(_ n: Number) throws -> Double {
        switch n {
        case .float(let d): return d
        case .small(let i): return Double(i)
        case .int(let b):
            let d = Double(b)
            if d.isInfinite { throw PyException.make(.overflowError, "int too large to convert to float") }
            return d
        }
    }

    @inline(never)
    static func binary(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value {
        if let v = try instanceBinary(op, l, r, inPlace: false, ctx) { return v }
        if op == .add, case .object(let a) = l, case .object(let b) = r, a.tag == .list, b.tag == .list,
           let v = concatLists(unsafeDowncast(a, to: PyList.self), unsafeDowncast(b, to: PyList.self)) {
            return v
        }
        if let v = try BuiltinSubclasses.binaryOperator(op, l, r, ctx) { return v }
        return try binaryNative(op, l, r, ctx)
    }

    /// `l op r` by the builtin types (`list.__add__(self, other)`); Python-level operators of instances last.
    static func binaryNative(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .bool(let x) = l, case .bool(let y) = r, let v = boolBitwise(op, x, y) { return v }
        if let v = BigIntWords.binary(op, l, r) { return v }  // libs: big ints on their kept word arrays
        if let a = number(l), let b = number(r) { return try numeric(op, a, b) }
        if let v = try ComplexMath.binary(op, l, r) { return v }
        if let v = try sequence(op, l, r, ctx) { return v }
        if let v = try userOperator(op, l, r, ctx) { return v }
        throw PyException.make(.typeError, "unsupported operand type(s) for \(op.rawValue): '\(typeName(l))' and '\(typeName(r))'")
    }

    /// `format % args` for an exact str on the left, straight to str's `%` (unicode_mod, which never answers
    /// NotImplemented): the general path asked the instance operators, the str-subclass operators, big ints
    /// and complex first (pprint formats every line so), and let a plain instance's `__rmod__` answer
    /// `"x%s" % obj`, which CPython never asks. nil — the general path decides — when the right operand is a
    /// builtin subclass: a str subclass's reflected `__rmod__` comes first (binary_op1).
    @inline(__always)
    static func strFormat(_ format: PyStr, _ r: Value, _ ctx: ExecutionContext) throws -> Value? {
        if case .object(let o) = r, o.tag == .subclassed { return nil }
        if let simple = try PercentFormat.formatSimple(format, r, ctx) { return simple }
        return .str(try PercentFormat.format(format.value, r, ctx))
    }

    /// `&`, `|` and `^` of two bools stay bools (Objects/boolobject.c bool_and); every other operator takes
    /// them as the ints 0 and 1.
    static func boolBitwise(_ op: BinaryOperator, _ x: Bool, _ y: Bool) -> Value? {
        switch op {
        case .bitAnd: return .bool(x && y)
        case .bitOr: return .bool(x || y)
        case .bitXor: return .bool(x != y)
        default: return nil
        }
    }

    static func numeric(_ op: BinaryOperator, _ a: Number, _ b: Number) throws -> Value {
        if case .small(let x) = a, case .small(let y) = b, let v = try smallInts(op, x, y) { return v }
        if let x = big(a), let y = big(b) { return try bigInts(op, x, y) }
        return try floats(op, try double(a), try double(b))
    }

    /// Fast-enough int paths; nil when the result overflows 64 bits.
    static func smallInts(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value? {
        switch op {
        case .add: let (r, o) = x.addingReportingOverflow(y); return o ? nil : .int(r)
        case .subtract: let (r, o) = x.subtractingReportingOverflow(y); return o ? nil : .int(r)
        case .multiply: let (r, o) = x.multipliedReportingOverflow(by: y); return o ? nil : .int(r)
        case .floorDivide:
            if y == 0 { throw PyException.make(.zeroDivisionError, "integer division or modulo by zero") }
            if x == .min && y == -1 { return nil }
            let q = x / y
            return .int((x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q)
        case .modulo:
            if y == 0 { throw PyException.make(.zeroDivisionError, "integer modulo by zero") }
            if y == -1 { return .int(0) }
            let m = x % y
            return .int((m != 0 && (m < 0) != (y < 0)) ? m + y : m)
        case .trueDivide:
            if y == 0 { throw PyException.make(.zeroDivisionError, "division by zero") }
            return .float(Double(x) / Double(y))
        case .power:
            if y < 0 { return .float(Foundation.pow(Double(x), Double(y))) }
            return nil
        case .leftShift:
            if y < 0 { throw PyException.make(.valueError, "negative shift count") }
            if y < 63, x.magnitude < (UInt(1) << (63 - y)) { return .int(x << y) }
            return nil
        case .rightShift:
            if y < 0 { throw PyException.make(.valueError, "negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        case .bitXor: return .int(x ^ y)
        case .matrixMultiply: throw PyException.make(.typeError, "unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    static func bigInts(_ op: BinaryOperator, _ x: BigInt, _ y: BigInt) throws -> Value {
        switch op {
        case .add: return .integer(sum(x, y))
        case .subtract: return .integer(sum(x, -y))
        case .multiply: return .integer(BigWordArithmetic.multiply(x, y))
        case .floorDivide, .modulo:
            if y == 0 { throw PyException.make(.zeroDivisionError, op == .modulo ? "integer modulo by zero" : "integer division or modulo by zero") }
            var (q, m) = BigWordArithmetic.quotientAndRemainder(x, y)
            if m != 0 && (m.sign == .minus) != (y.sign == .minus) {
                q -= 1
                m += y
            }
            return .integer(op == .modulo ? m : q)
        case .trueDivide:
            if y == 0 { throw PyException.make(.zeroDivisionError, "division by zero") }
            return .float(Double(x) / Double(y))
        case .power:
            if y.sign == .minus { return .float(Foundation.pow(Double(x), Double(y))) }
            guard let e = Int(exactly: y) else { throw PyException.make(.overflowError, "exponent too large") }
            if x.magnitude > 1 { try AllocationLimit.checkBits(x.bitWidth.multipliedReportingOverflow(by: e).overflow ? .max : x.bitWidth * e) }
            return .integer(BigWordArithmetic.power(x, e))
        case .leftShift:
            guard let s = Int(exactly: y), s >= 0 else { throw PyException.make(.valueError, "negative shift count") }
            if x != 0 { try AllocationLimit.checkBits(x.bitWidth.addingReportingOverflow(s).overflow ? .max : x.bitWidth + s) }
            return .integer(x << s)
        case .rightShift:
            guard let s = Int(exactly: y), s >= 0 else { throw PyException.make(.valueError, "negative shift count") }
            return .integer(x >> s)
        case .bitAnd: return .integer(x & y)
        case .bitOr: return .integer(x | y)
        case .bitXor: return .integer(x ^ y)
        case .matrixMultiply: throw PyException.make(.typeError, "unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    /// `x + y` with the longer operand first. attaswift/BigInt adds into a copy of the left operand and grows it
    /// by an exact reallocation per word the right one has beyond it: quadratic when the left is the shorter
    /// (three quarters of pidigits' instructions were those copies). Addition commutes.
    @inline(__always)
    static func sum(_ x: BigInt, _ y: BigInt) -> BigInt {
        // Past two words, over plain buffers (`BigWordArithmetic`: attaswift writes each word through a checked subscript).
        if x.magnitude.bitWidth > 128 || y.magnitude.bitWidth > 128 { return BigWordArithmetic.sum(x, y) }
        return x.magnitude.bitWidth >= y.magnitude.bitWidth ? x + y : y + x
    }

    static func floats(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .trueDivide:
            if y == 0 { throw PyException.make(.zeroDivisionError, "float division by zero") }
            return .float(x / y)
        case .floorDivide:
            if y == 0 { throw PyException.make(.zeroDivisionError, "float floor division by zero") }
            return .float(FloatDivision.floorDivide(x, y))
        case .modulo:
            if y == 0 { throw PyException.make(.zeroDivisionError, "float modulo") }
            return .float(FloatDivision.modulo(x, y))
        case .power:
            if x == 0 && y < 0 { throw PyException.make(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(x, y))
        default:
            throw PyException.make(.typeError, "unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    static func sequence(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value? {
        guard case .object(let lo) = l else {
            if op == .multiply, case .object = r { return try sequence(op, r, l, ctx) }
            return nil
        }
        switch (op, lo) {
        case (.add, let a as PyStr):
            if case .object(let b as PyStr) = r {
                try AllocationLimit.checkBytes(a.value.utf8.count + b.value.utf8.count, ctx)
                return .str(a.value + b.value)
            }
            throw PyException.make(.typeError, "can only concatenate str (not \"\(typeName(r))\") to str")
        case (.add, let a as PyList):
            if case .object(let b as PyList) = r {
                try AllocationLimit.checkValues(a.items.count + b.items.count, ctx)
                return .object(PyList(a.items + b.items))
            }
            throw PyException.make(.typeError, "can only concatenate list (not \"\(typeName(r))\") to list")
        case (.add, let a as PyTuple):
            if case .object(let b as PyTuple) = r {
                try AllocationLimit.checkValues(a.items.count + b.items.count, ctx)
                return .object(PyTuple(a.items + b.items))
            }
            throw PyException.make(.typeError, "can only concatenate tuple (not \"\(typeName(r))\") to tuple")
        case (.add, is PyBytes), (.add, is PyByteArray):
            guard let b = BytesLike.bytes(r) else {
                throw PyException.make(.typeError, "can't concat \(typeName(r)) to \(typeName(l))")
            }
            let a = BytesLike.bytes(l)!
            try AllocationLimit.checkBytes(a.count + b.count, ctx)
            return BytesLike.make(a + b, like: l)
        case (.multiply, let a as PyStr):
            guard let n = repeatCount(r) else { return nil }
            try AllocationLimit.check(count: max(0, n), itemBytes: a.value.utf8.count, limit: ctx.maxObjectBytes)
            return .str(String(repeating: a.value, count: max(0, n)))
        case (.multiply, is PyBytes), (.multiply, is PyByteArray):
            guard let n = repeatCount(r) else { return nil }
            let a = BytesLike.bytes(l)!
            try AllocationLimit.check(count: max(0, n), itemBytes: a.count, limit: ctx.maxObjectBytes)
            return BytesLike.make(Array([[UInt8]](repeating: a, count: max(0, n)).joined()), like: l)
        case (.add, let a as PyArray):
            guard case .object(let b as PyArray) = r else {
                throw PyException.make(.typeError, "can only append array (not \"\(typeName(r))\") to array")
            }
            guard a.typecode == b.typecode else { throw PyException.make(.typeError, "bad argument type for built-in operation") }
            try AllocationLimit.checkValues(a.count + b.count, ctx)
            return .object(PyArray(a.typecode, a.items + b.items))
        case (.multiply, let a as PyArray):
            guard let n = repeatCount(r) else { return nil }
            try AllocationLimit.check(count: max(0, n), itemBytes: a.count * MemoryLayout<Value>.stride, limit: ctx.maxObjectBytes)
            return .object(PyArray(a.typecode, Array([[Value]](repeating: a.items, count: max(0, n)).joined())))
        case (.modulo, is PyBytes), (.modulo, is PyByteArray):
            return BytesLike.make(try PercentFormat.formatBytes(BytesLike.bytes(l)!, r, ctx), like: l)
        case (.multiply, let a as PyList):
            guard let n = repeatCount(r) else { return nil }
            try AllocationLimit.check(count: max(0, n), itemBytes: a.items.count * MemoryLayout<Value>.stride, limit: ctx.maxObjectBytes)
            return .object(PyList(Array([[Value]](repeating: a.items, count: max(0, n)).joined())))
        case (.multiply, let a as PyTuple):
            guard let n = repeatCount(r) else { return nil }
            try AllocationLimit.check(count: max(0, n), itemBytes: a.items.count * MemoryLayout<Value>.stride, limit: ctx.maxObjectBytes)
            return .object(PyTuple(Array([[Value]](repeating: a.items, count: max(0, n)).joined())))
        case (.modulo, let a as PyStr):
            if let simple = try PercentFormat.formatSimple(a, r, ctx) { return simple }
            return .str(try PercentFormat.format(a.value, r, ctx))
        case (.bitOr, let a as PyDict):
            guard case .object(let b as PyDict) = r else { return nil }
            let d = PyDict()
            for (k, v) in a.entries { try d.set(k, v) }
            for (k, v) in b.entries { try d.set(k, v) }
            return .object(d)
        case (.bitOr, is PyDictView), (.bitAnd, is PyDictView), (.subtract, is PyDictView), (.bitXor, is PyDictView),
             (.bitOr, is PySet), (.bitAnd, is PySet), (.subtract, is PySet), (.bitXor, is PySet):
            return try setAlgebra(op, l, r, ctx)
        default: return nil
        }
    }

    static func repeatCount(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    static func unary(_ op: UnaryOperator, _ v: Value, _ ctx: ExecutionContext) throws -> Value {
        if let r = try BuiltinSubclasses.unaryOperator(op, v, ctx) { return r }
        if case .object(let c as PyComplex) = v {
            switch op {
            case .negate: return .object(PyComplex(-c.real, -c.imag))
            case .plus: return .object(PyComplex(c.real, c.imag))
            case .not: return .bool(c.real == 0 && c.imag == 0)
            case .invert: throw PyException.make(.typeError, "bad operand type for unary ~: 'complex'")
            }
        }
        switch op {
        case .not: return .bool(!(try truthy(v, ctx)))
        case .negate:
            switch number(v) {
            case .small(let i)?: return i == .min ? .integer(-BigInt(i)) : .int(-i)
            case .int(let b)?: return .integer(-b)
            case .float(let d)?: return .float(-d)
            case nil: break
            }
            if case .object(let o) = v, o.tag == .instance, let f = unsafeDowncast(o, to: PyInstance.self).type.lookup("__neg__") {
                return try Interpreter.callSpecial(f, v, ctx)
            }
            throw PyException.make(.typeError, "bad operand type for unary -: '\(typeName(v))'")
        case .plus:
            switch number(v) {
            case .small(let i)?: return .int(i)
            case .int(let b)?: return .integer(b)
            case .float(let d)?: return .float(d)
            case nil:
                if case .object(let o as PyInstance) = v, let f = o.type.lookup("__pos__") { return try ctx.call(f, [v]) }
                throw PyException.make(.typeError, "bad operand type for unary +: '\(typeName(v))'")
            }
        case .invert:
            switch number(v) {
            case .small(let i)?: return .int(~i)
            case .int(let b)?: return .integer(-b - 1)
            case .float?: throw PyException.make(.typeError, "bad operand type for unary ~: '\(typeName(v))'")
            case nil:
                if case .object(let o as PyInstance) = v, let f = o.type.lookup("__invert__") { return try ctx.call(f, [v]) }
                throw PyException.make(.typeError, "bad operand type for unary ~: '\(typeName(v))'")
            }
        }
    }
}

func isNotImplemented(_ v: Value) -> Bool {
    if case .object(let o) = v { return o === BuiltinTypes.notImplemented }
    return false
}

extension Arithmetic {
    /// `pow(b, e, m)` (Objects/longobject.c long_pow): m == 0 is a ValueError, a negative exponent uses
    /// b's inverse modulo m, and the result takes the sign of m.
    static func modularPower(_ b: BigInt, _ e: BigInt, _ m: BigInt) throws -> BigInt {
        if m.isZero { throw PyException.make(.valueError, "pow() 3rd argument cannot be 0") }
        var base = b, exponent = e
        if exponent.sign == .minus && !exponent.isZero {
            let positiveBase = base.modulus(m)
            guard m.magnitude > 1, let inverse = positiveBase.inverse(BigInt(m.magnitude)) else {
                if m.magnitude == 1 { return 0 }
                throw PyException.make(.valueError, "base is not invertible for the given modulus")
            }
            base = inverse
            exponent = -exponent
        }
        let r = base.power(exponent, modulus: m)  // in [0, |m|)
        return m.sign == .minus && !r.isZero ? r - BigInt(m.magnitude) : r
    }
}

extension Arithmetic {
    /// `ba += x` extends the bytearray itself, `ba *= n` repeats it in place (bytearray_iconcat / irepeat).
    static func byteArrayInPlace(_ op: BinaryOperator, _ a: PyByteArray, _ r: Value, _ ctx: ExecutionContext) throws -> Value {
        if op == .add {
            guard let more = BytesLike.bytes(r) else { throw PyException.make(.typeError, "can't concat \(typeName(r)) to bytearray") }
            try AllocationLimit.checkBytes(a.count + more.count, ctx)
            a.withBytes { $0 += more }
            return .object(a)
        }
        guard let n = repeatCount(r) else {
            throw PyException.make(.typeError, "can't multiply sequence by non-int of type '\(typeName(r))'")
        }
        try AllocationLimit.check(count: max(0, n), itemBytes: a.count, limit: ctx.maxObjectBytes)
        a.withBytes { bytes in bytes = n <= 0 ? [] : Array([[UInt8]](repeating: bytes, count: n).joined()) }
        return .object(a)
    }
}
