#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What a cached code file must have been written by: the running binary's GNU build ID (a hash the linker
/// computes over the linked output). Any change to the compiler, the opcode table, the VM or the cache format
/// relinks the binary and so changes it — nobody has to remember to bump a version for a stale cache never
/// to run. Without a build ID, the executable's size and modification time stand in; without either, the
/// cache is off.
enum BuildFingerprint {
    /// Lower-case hex, or nil when the binary cannot be identified.
    static let current: String? = buildID().map(hex) ?? executableStamp()

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// NT_GNU_BUILD_ID of the main executable, read from its PT_NOTE segments in memory (the kernel passes
    /// the program headers' address in the auxiliary vector, /proc/self/auxv; PT_PHDR gives the load bias).
    private static func buildID() -> [UInt8]? {
        guard let auxv = FileManager.default.contents(atPath: "/proc/self/auxv") else { return nil }
        var phdr: UInt = 0, count = 0
        auxv.withUnsafeBytes { words in
            for k in stride(from: 0, to: words.count - 15, by: 16) {
                let type = words.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                let value = words.loadUnaligned(fromByteOffset: k + 8, as: UInt64.self)
                if type == 3 { phdr = UInt(value) }  // AT_PHDR
                if type == 5 { count = Int(value) }  // AT_PHNUM
            }
        }
        guard phdr != 0, count > 0, let table = UnsafeRawPointer(bitPattern: phdr) else { return nil }
        let entrySize = 56  // Elf64_Phdr: type u32, flags u32, offset, vaddr, paddr, filesz, memsz, align (u64)
        func field(_ k: Int, _ at: Int) -> UInt64 { table.loadUnaligned(fromByteOffset: k * entrySize + at, as: UInt64.self) }
        func type(_ k: Int) -> UInt32 { table.loadUnaligned(fromByteOffset: k * entrySize, as: UInt32.self) }
        guard let self_ = (0..<count).first(where: { type($0) == 6 }) else { return nil }  // PT_PHDR
        let bias = phdr &- UInt(field(self_, 16))
        for k in 0..<count where type(k) == 4 {  // PT_NOTE
            guard let start = UnsafeRawPointer(bitPattern: bias &+ UInt(field(k, 16))) else { continue }
            if let id = gnuBuildID(notes: UnsafeRawBufferPointer(start: start, count: Int(field(k, 40)))) { return id }
        }
        return nil
    }

    /// Walks ELF notes (namesz, descsz, type, name and desc each padded to 4 bytes) for type 3, name "GNU".
    static func gnuBuildID(notes: UnsafeRawBufferPointer) -> [UInt8]? {
        var offset = 0
        func padded(_ n: Int) -> Int { (n + 3) & ~3 }
        while offset + 12 <= notes.count {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let name = offset + 12, desc = name + padded(nameSize)
            guard desc + descSize <= notes.count else { return nil }
            if type == 3, nameSize == 4, Array(notes[name..<name + 4]) == [0x47, 0x4E, 0x55, 0], descSize > 0 {
                return Array(notes[desc..<desc + descSize])
            }
            offset = desc + padded(descSize)
        }
        return nil
    }

    private static func executableStamp() -> String? {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return nil }
        return "exe-\(st.st_size)-\(st.st_mtim.tv_sec)-\(st.st_mtim.tv_nsec)"
    }
}
