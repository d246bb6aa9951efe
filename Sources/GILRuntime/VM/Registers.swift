/// Register access without reference counting where the register itself keeps the object alive.
///
/// Swift copies a `Value` (retain) whenever the dispatch loop binds `case .object(let o) = regs[b]`,
/// because it cannot prove that nothing writes the register while `o` is in use; the matching release
/// follows. In the hot cases (callee of a call, receiver of a cached attribute or method) the register is
/// not written until the instruction's result is stored, so the object can be used at +0, as WasmKit
/// holds its store `Unmanaged` (`StoreRef`) and CPython's ceval borrows stack references.
///
/// `Value` is a multi-payload enum: every payload sits in the first 8 bytes, the case tag in byte 8
/// (`FastCallTests.registerLayoutAndBorrowing` pins this layout), so the object reference of an `.object` register is the
/// pointer-sized word at the register's address.
extension UnsafeMutablePointer where Pointee == Value {
    /// The object in register `k`, unretained; nil for inline scalars. Valid only until register `k`
    /// is next written, so callers use it through `_withUnsafeGuaranteedRef` and store results after.
    @inline(__always)
    func borrowedObject(_ k: Int) -> Unmanaged<PyObject>? {
        guard case .object = self[k] else { return nil }
        return Unmanaged.fromOpaque(UnsafeRawPointer(self + k).load(as: UnsafeRawPointer.self))
    }

    /// `self[k] = .int(v)` without the outlined generic destroy of the old value when it was a scalar.
    @inline(__always)
    func setInt(_ k: Int, _ v: Int) {
        if case .object = self[k] { self[k] = .int(v) } else { (self + k).initialize(to: .int(v)) }
    }

    /// `self[k] = .float(v)`, as `setInt`.
    @inline(__always)
    func setFloat(_ k: Int, _ v: Double) {
        if case .object = self[k] { self[k] = .float(v) } else { (self + k).initialize(to: .float(v)) }
    }

    /// `self[k] = .bool(v)`, as `setInt`.
    @inline(__always)
    func setBool(_ k: Int, _ v: Bool) {
        if case .object = self[k] { self[k] = .bool(v) } else { (self + k).initialize(to: .bool(v)) }
    }

    /// `self[k] = v`, consuming `v` (no copy); releases the old value only when it was an object.
    @inline(__always)
    func set(_ k: Int, _ v: consuming Value) {
        if case .object = self[k] { self[k] = v } else { (self + k).initialize(to: v) }
    }
}
