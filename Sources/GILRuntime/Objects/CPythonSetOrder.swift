/// Simulates CPython's set table (Objects/setobject.c: linear probes, then perturbed probing, resize at
/// 60 % fill to 4 × used) for int keys, whose hash is the value itself, to reproduce the iteration order.
enum CPythonSetOrder {
    /// Indices into `values` (distinct ints, insertion order) in CPython's iteration order.
    static func order(_ values: [Int]) -> [Int] {
        var mask = 7
        var table = [Int?](repeating: nil, count: 8)
        var used = 0
        func hash(_ v: Int) -> UInt { UInt(bitPattern: v == -1 ? -2 : v) }
        func insert(_ index: Int, into table: inout [Int?], mask: Int) {
            let h = hash(values[index])
            var perturb = h
            var i = Int(h & UInt(mask))
            while true {
                if table[i] == nil { table[i] = index; return }
                if i + 9 <= mask {
                    for j in 1...9 where table[i + j] == nil {
                        table[i + j] = index
                        return
                    }
                }
                perturb >>= 5
                i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
            }
        }
        for k in values.indices {
            insert(k, into: &table, mask: mask)
            used += 1
            if used * 5 >= mask * 3 {
                let minUsed = used > 50000 ? used * 2 : used * 4
                var size = 8
                while size <= minUsed { size <<= 1 }
                var newTable = [Int?](repeating: nil, count: size)
                for case let e? in table { insert(e, into: &newTable, mask: size - 1) }
                table = newTable
                mask = size - 1
            }
        }
        return table.compactMap { $0 }
    }
}
