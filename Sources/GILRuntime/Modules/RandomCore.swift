#if canImport(Glibc)
import Glibc
#endif
import BigInt

/// The Mersenne Twister MT19937 exactly as CPython's `_random` uses it (Modules/_randommodule.c, after
/// Matsumoto & Nishimura's mt19937ar.c): `init_by_array` seeding from the 32-bit words of |seed|, `random()`
/// from two outputs (27 + 26 bits), `getrandbits(k)` from ceil(k / 32) outputs, least significant word
/// first. The same seed gives CPython's sequence, bit for bit.
struct MersenneTwister {
    static let n = 624
    static let m = 397
    var state = [UInt32](repeating: 0, count: n)
    var index = n + 1

    private mutating func initGenrand(_ s: UInt32) {
        state[0] = s
        for i in 1..<Self.n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    /// init_by_array: the key is the seed's 32-bit words, least significant first.
    mutating func seed(key: [UInt32]) {
        initGenrand(19_650_218)
        var i = 1, j = 0
        let length = max(key.count, 1)
        var k = max(Self.n, length)
        while k > 0 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ (key.isEmpty ? 0 : key[j]) &+ UInt32(j)
            i += 1
            j += 1
            if i >= Self.n {
                state[0] = state[Self.n - 1]
                i = 1
            }
            if j >= length { j = 0 }
            k -= 1
        }
        k = Self.n - 1
        while k > 0 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n {
                state[0] = state[Self.n - 1]
                i = 1
            }
            k -= 1
        }
        state[0] = 0x8000_0000
        index = Self.n
    }

    /// Seeds from |n| (an int seed, or a hash converted to an unsigned word).
    mutating func seed(_ n: BigUInt) {
        var key: [UInt32] = []
        for word in n.words {
            key.append(UInt32(truncatingIfNeeded: word))
            key.append(UInt32(truncatingIfNeeded: word >> 32))
        }
        while key.count > 1 && key.last == 0 { key.removeLast() }
        if key.isEmpty { key = [0] }
        seed(key: key)
    }

    /// genrand_uint32.
    @inline(__always)
    mutating func next() -> UInt32 {
        if index >= Self.n { generate() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    private mutating func generate() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff
        @inline(__always) func twist(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 {
            let y = (a & upper) | (b & lower)
            return c ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_b0df)
        }
        state.withUnsafeMutableBufferPointer { mt in
            for k in 0..<(Self.n - Self.m) { mt[k] = twist(mt[k], mt[k + 1], mt[k + Self.m]) }
            for k in (Self.n - Self.m)..<(Self.n - 1) { mt[k] = twist(mt[k], mt[k + 1], mt[k + Self.m - Self.n]) }
            mt[Self.n - 1] = twist(mt[Self.n - 1], mt[0], mt[Self.m - 1])
        }
        index = 0
    }

    /// random_random: a 53-bit float in [0, 1).
    @inline(__always)
    mutating func random() -> Double {
        let a = next() >> 5, b = next() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// getrandbits(k) for k >= 0.
    mutating func bits(_ k: Int) -> BigUInt {
        if k <= 32 { return k == 0 ? 0 : BigUInt(next() >> UInt32(32 - k)) }
        var words: [UInt] = []
        var remaining = k
        var pendingLow: UInt32?
        while remaining > 0 {
            var r = next()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            if let low = pendingLow {
                words.append(UInt(low) | UInt(r) << 32)
                pendingLow = nil
            } else {
                pendingLow = r
            }
            remaining -= 32
        }
        if let low = pendingLow { words.append(UInt(low)) }
        return BigUInt(words: words)
    }
}

/// Bytes from the kernel's entropy pool (/dev/urandom: `os.urandom`, `random.seed(None)`).
enum SystemEntropy {
    /// Fills `buffer`; false when /dev/urandom cannot be read.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if fd < 0 { return false }
        defer { close(fd) }
        var done = 0
        while done < buffer.count {
            let r = read(fd, buffer.baseAddress! + done, buffer.count - done)
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { return false }
            done += r
        }
        return true
    }
}
