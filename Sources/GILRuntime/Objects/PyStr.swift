#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Python's `str`: an immutable Swift string; Unicode scalars are Python's code points.
///
/// What CPython keeps in the object header (Objects/unicodeobject.c: `hash`, `length`, `state.ascii`) is
/// cached here on first use, so `len(s)`, dict lookups and equality do not walk the UTF-8 each time.
/// The caches are atomics only so that two free-threaded readers filling one at once stay defined
/// behaviour; both compute the same number (relaxed ordering is enough).
class PyStr: PyObject, @unchecked Sendable {
    let value: String
    /// The code point array, built on first indexing and published once (two free-threaded readers may both
    /// build it; `storeIfNil` keeps the first, so no thread ever sees a half-written reference).
    private let scalarsCache = AtomicLazyReference<Scalars>()
    /// `HashKey.pythonHash` of the string; 0 = not computed yet (a real 0 is stored as 1).
    private let hashCache = Atomic<Int>(0)
    /// Code points; -1 = not counted yet.
    private let countCache = Atomic<Int>(-1)

    init(_ value: String) {
        self.value = value
        super.init(tag: .str)
    }

    /// An instance of a str subclass (`SubclassedStr`).
    init(_ value: String, tag: ObjectTag) {
        self.value = value
        super.init(tag: tag)
    }

    /// An ASCII string whose length the caller already knows (digits of an int, ASCII case mapping).
    init(ascii value: String) {
        self.value = value
        super.init(tag: .str)
        countCache.store(value.utf8.count, ordering: .relaxed)
    }

    /// A string whose code point count the caller computed from its parts (concatenation, join).
    init(_ value: String, count: Int) {
        self.value = value
        super.init(tag: .str)
        countCache.store(count, ordering: .relaxed)
    }

    /// The code point count if already known (no scan).
    var knownCount: Int? {
        let known = countCache.load(ordering: .relaxed)
        return known >= 0 ? known : nil
    }

    /// Code points, computed once for indexing.
    var scalars: [Unicode.Scalar] {
        if let s = scalarsCache.load() { return s.scalars }
        return scalarsCache.storeIfNil(Scalars(Self.decodeScalars(value, count: count))).scalars
    }

    /// The `count` code points of `text`, decoded from its UTF-8 in one pass into an array sized once.
    /// `Array(value.unicodeScalars)` counted them first and then copied through the generic sequence path,
    /// ~19 instructions per character: a third of argparse's regex matching went there (each `re.match` of
    /// a fresh 2,000-character subject).
    static func decodeScalars(_ text: String, count: Int) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
                var i = 0, k = 0
                let n = bytes.count
                while i < n && k < count {
                    let b0 = UInt32(bytes[i])
                    var v: UInt32
                    if b0 < 0x80 {
                        v = b0
                        i &+= 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i &+= 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i &+= 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        v |= UInt32(bytes[i + 3] & 0x3F)
                        i &+= 4
                    }
                    // A String's UTF-8 is valid, so every decoded value is a scalar.
                    (out.baseAddress! + k).initialize(to: unsafeBitCast(v, to: Unicode.Scalar.self))
                    k &+= 1
                }
                initialized = k
            }
        }
    }

    /// Box for `scalarsCache` (`AtomicLazyReference` holds class instances).
    final class Scalars: Sendable {
        let scalars: [Unicode.Scalar]
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }
    }

    /// `len(s)`: the number of code points (UTF-8 bytes that are not continuation bytes).
    var count: Int {
        let known = countCache.load(ordering: .relaxed)
        if known >= 0 { return known }
        var n = 0
        if let counted = value.utf8.withContiguousStorageIfAvailable({ bytes in
            var k = 0
            for b in bytes where b & 0xC0 != 0x80 { k &+= 1 }
            return k
        }) {
            n = counted
        } else {
            n = value.unicodeScalars.count
        }
        countCache.store(n, ordering: .relaxed)
        return n
    }

    /// Whether every code point is ASCII (then code point indices are byte offsets).
    var isASCII: Bool { count == value.utf8.count }

    /// The hash dicts bucket by (FNV-1a of the UTF-8 bytes, `HashKey.bytesHash`), computed once.
    var hash: Int {
        let known = hashCache.load(ordering: .relaxed)
        if known != 0 { return known }
        var h = HashKey.bytesHash(value.utf8)
        if h == 0 { h = 1 }
        hashCache.store(h, ordering: .relaxed)
        return h
    }

    /// -1, 0 or 1: `a` before, equal to or after `b` by code points. UTF-8 keeps code point order byte for
    /// byte, so one `memcmp` of the shorter length and then the lengths decide (no scalar walk).
    static func order(_ a: PyStr, _ b: PyStr) -> Int {
        if a === b { return 0 }
        var x = a.value, y = b.value
        return x.withUTF8 { p in
            y.withUTF8 { q in
                let n = Swift.min(p.count, q.count)
                let c = n == 0 ? 0 : memcmp(p.baseAddress!, q.baseAddress!, n)
                if c != 0 { return c < 0 ? -1 : 1 }
                return p.count == q.count ? 0 : (p.count < q.count ? -1 : 1)
            }
        }
    }

    /// Python's `==` on str: equal code point sequences. Swift's `String ==` compares canonical
    /// equivalence ("é" == "e\u{301}"), which is not Python's answer; equal UTF-8 bytes are.
    static func equal(_ a: PyStr, _ b: PyStr) -> Bool {
        if a === b { return true }
        let x = a.value.utf8, y = b.value.utf8
        if x.count != y.count { return false }
        let ha = a.hashCache.load(ordering: .relaxed), hb = b.hashCache.load(ordering: .relaxed)
        if ha != 0 && hb != 0 && ha != hb { return false }
        if let r = x.withContiguousStorageIfAvailable({ p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }), let r { return r }
        return x.elementsEqual(y)
    }
}
