/// `id(o)`: the object's address, as CPython's — also the `0x…` of a default repr, so
/// `hex(id(o))` matches `<C object at 0x…>`. (Before, both were a SipHash of the address: ~90
/// instructions per `id()`, which pickle and deepcopy call for every object they memoise.)
@inline(__always)
func objectID(_ o: AnyObject) -> Int { Int(bitPattern: ObjectIdentifier(o)) }

/// `object.__hash__` (`_Py_HashPointer`): the address rotated right by 4 bits. Objects are 16-byte
/// aligned, so the low bits of the address are always zero and would crowd a hash table's first slots.
@inline(__always)
func objectHash(_ o: AnyObject) -> Int {
    let a = UInt(bitPattern: objectID(o))
    let h = Int(bitPattern: a >> 4 | a << (UInt.bitWidth - 4))
    return h == -1 ? -2 : h
}
