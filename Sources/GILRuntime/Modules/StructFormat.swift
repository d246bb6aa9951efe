import BigInt

/// A compiled `struct` format (Modules/_struct.c prepare_s): byte order and alignment from the first character
/// (`@` native with alignment, `=`/`<`/`>`/`!` standard sizes without), then codes with optional counts.
/// A class, immutable after init: the format caches hand it out with one retain (as a struct of a String and
/// an array it cost two retains and two releases on every `pack`).
final class StructFormat: @unchecked Sendable {
    enum Order { case native, little, big }

    struct Item {
        let code: Character
        /// `code` as its ASCII byte (every format code is ASCII): what the packers switch on (comparing
        /// `Character`s goes through String comparison).
        let byte: UInt8
        /// Repeat count, or the length of an `s`/`p` field.
        let count: Int
        let offset: Int
        let size: Int
    }

    let text: String
    let order: Order
    let native: Bool
    let items: [Item]
    let size: Int
    /// Values `pack` takes and `unpack` returns.
    let valueCount: Int

    static func error(_ message: String) -> PyException {
        PyException(PyInstance.exception(StructModule.errorType, message))
    }

    init(_ text: String) throws {
        self.text = text
        // every code is ASCII (`size(of:)` refuses anything else)
        var chars = Array(text)
        var order = Order.native
        var native = true
        if let first = chars.first {
            switch first {
            case "@": chars.removeFirst()
            case "=": order = .native; native = false; chars.removeFirst()
            case "<": order = .little; native = false; chars.removeFirst()
            case ">", "!": order = .big; native = false; chars.removeFirst()
            default: break
            }
        }
        var items: [Item] = []
        var offset = 0, values = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            var count = 1
            if c.isASCII, c.isNumber {
                var n = 0
                while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                    let (m, o) = n.multipliedReportingOverflow(by: 10)
                    if o { throw Self.error("total struct size too long") }
                    n = m + Int(String(chars[i]))!
                    i += 1
                }
                guard i < chars.count else { throw Self.error("repeat count given without format specifier") }
                count = n
            }
            let code = chars[i]
            i += 1
            guard let (size, alignment) = Self.size(of: code, native: native) else { throw Self.error("bad char in struct format") }
            if native, alignment > 1 { offset = (offset + alignment - 1) / alignment * alignment }
            if code == "s" || code == "p" {
                items.append(Item(code: code, byte: code.asciiValue!, count: count, offset: offset, size: count))
                offset += count
                values += 1
            } else {
                for _ in 0..<count {
                    items.append(Item(code: code, byte: code.asciiValue!, count: 1, offset: offset, size: size))
                    offset += size
                    if code != "x" { values += 1 }
                }
            }
            if offset > AllocationLimit.defaultBytes { throw Self.error("total struct size too long") }
        }
        self.order = order
        self.native = native
        self.items = items
        self.size = offset
        self.valueCount = values
    }

    /// (size, alignment) of a code, nil for an unknown one or `n`/`N`/`P` in a standard mode.
    static func size(of code: Character, native: Bool) -> (Int, Int)? {
        switch code {
        case "x", "c", "b", "B", "?", "s", "p": return (1, 1)
        case "h", "H", "e": return (2, 2)
        case "i", "I", "f": return (4, 4)
        case "l", "L": return native ? (8, 8) : (4, 4)
        case "q", "Q", "d": return (8, 8)
        case "n", "N", "P": return native ? (8, 8) : nil
        default: return nil
        }
    }

    var littleEndian: Bool { order != .big }
}

extension PyInstance {
    /// An instance of exception class `type` with one message argument.
    static func exception(_ type: PyType, _ message: String) -> PyInstance {
        let e = TypeObject.newInstance(type, [.str(message)])
        return e
    }
}
