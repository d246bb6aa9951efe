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

    /// `self[k] = source.pointee` with the reference counting by hand: the 9 bytes are copied as they are,
    /// the new value retained only when it is an object (before the old one is released: `a = a` is safe),
    /// the old value released only when it was one. Swift's own copy is an outlined value-witness call per
    /// `Value` (`move`, unpacking: 18 % of unpack_sequence), even for ints.
    @inline(__always)
    func setCopy(_ k: Int, from source: UnsafePointer<Value>) {
        let target = self + k
        if case .object = source.pointee {
            _ = Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(source).load(as: UnsafeRawPointer.self)).retain()
        }
        let old: Unmanaged<PyObject>? =
            if case .object = target.pointee { Unmanaged.fromOpaque(UnsafeRawPointer(target).load(as: UnsafeRawPointer.self)) } else { nil }
        UnsafeMutableRawPointer(target).copyMemory(from: UnsafeRawPointer(source), byteCount: MemoryLayout<Value>.size)
        old?.release()
    }
}
