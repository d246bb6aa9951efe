#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Collects a program's stdout and stderr text instead of writing them (tests, in-process runs).
public final class OutputCapture: Sendable {
    private let text = Mutex<(out: String, err: String)>(("", ""))

    public init() {}

    public var standardOutput: String { text.withLock { $0.out } }
    public var standardError: String { text.withLock { $0.err } }

    package func append(out: String) { text.withLock { $0.out += out } }
    package func append(err: String) { text.withLock { $0.err += err } }
}

/// Where a program's output goes.
public enum OutputTarget: Sendable {
    case standardStreams
    case capture(OutputCapture)
}

/// The program's stdout (buffered: flushed at exit, on `flush=True`, before any stderr write and when
/// large, so print-heavy programs are fast and interleaving with stderr stays right) and stderr.
final class ProgramOutput: @unchecked Sendable {
    private let target: OutputTarget
    private let state = Mutex<[UInt8]>([])
    private static let flushThreshold = 1 << 16

    init(target: OutputTarget) {
        self.target = target
    }

    func writeOut(_ s: String, flush: Bool = false) {
        if case .capture(let c) = target {
            c.append(out: s)
            return
        }
        let pending: [UInt8]? = state.withLock { buffer in
            buffer.append(contentsOf: s.utf8)
            guard flush || buffer.count >= Self.flushThreshold else { return nil }
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if let pending { Self.writeAll(1, pending) }
    }

    func writeErr(_ s: String) {
        if case .capture(let c) = target {
            c.append(err: s)
            return
        }
        flush()
        Self.writeAll(2, Array(s.utf8))
    }

    func flush() {
        let pending = state.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if !pending.isEmpty { Self.writeAll(1, pending) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}
