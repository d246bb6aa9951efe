import CGILRecShared
import Foundation
import GILTrace
import Synchronization
import TraceStore

/// Moves events from the recorded processes' rings into their runs while they run: one thread, polling
/// every 2 ms while events flow and backing off to 64 ms when idle (a thread that fills half its ring in
/// less than that would wait for room: 32k slots hold ~8 ms of the busiest lock loop). It finds new processes
/// (the program's children: fork, multiprocessing, subprocess) in the session directory and gives each
/// armed one a run of its own, linked to its parent's.
///
/// Polling rather than a wake-up from the program: a wake-up is a syscall in the recorded thread, and the
/// drain's own CPU (at the recorder's background priority, like the writer) stays off the core a GIL waiter needs.
final class CPythonDrain: @unchecked Sendable {  // `state` is behind its Mutex; the rest is immutable
    struct Configuration {
        var databasePath: String
        /// What the program's run was created with: children's runs copy it.
        var template: RunInfo
        var pageLimit: Int?
    }

    private struct State {
        var processes: [Int32: RecordedProcess] = [:]
        /// Processes that will not get a run (disarmed before recording, unreadable): looked at once.
        var skipped: Set<Int32> = []
        /// Children whose run could not be created, or that were not recorded, with why.
        var notes: [String] = []
        var stop = false
    }

    private let session: CPythonSession
    private let configuration: Configuration
    private let main: RunWriter
    private let mainPid: Int32
    private let state = Mutex(State())
    /// Wakes the thread early (stop); `stopped` is signalled when it has left its loop.
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    private var started = false

    init(session: CPythonSession, configuration: Configuration, main: RunWriter, mainPid: Int32) {
        self.session = session
        self.configuration = configuration
        self.main = main
        self.mainPid = mainPid
    }

    func start() {
        started = true
        let thread = Thread { [self] in
            run()
            stopped.signal()
        }
        thread.name = "gilrec-drain"
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func run() {
        // Like the SQLite writer: out of the way of the program's threads (a GIL waiter's wake-up above all).
        RecorderThreadPriority.lowerCallingThread()
        var idle = 0
        while !state.withLock({ $0.stop }) {
            let moved = pass()
            idle = moved > 0 ? 0 : min(idle + 1, 5)
            _ = wake.wait(timeout: .now() + .nanoseconds(2_000_000 << idle))
        }
    }

    /// Stops the thread and drains what is left of every process (closing what the ones that are gone could not).
    func stop() {
        state.withLock { $0.stop = true }
        wake.signal()
        if started { stopped.wait() }
        pass()
        passing.withLock {
            withProcesses { $0.forEach { $0.finalPass(processEnded: $0.pid == mainPid || !$0.isAlive) } }
        }
    }

    /// One pass over the session: new processes, then every process's meta records and events. Passes are
    /// serialised: the drain thread makes them, and the engine too while it waits for children to end.
    @discardableResult
    func pass() -> Int {
        passing.lock()
        defer { passing.unlock() }
        discover()
        return withProcesses { processes in processes.reduce(0) { $0 + $1.pass() } }
    }

    private let passing = NSLock()

    private func withProcesses<T>(_ body: ([RecordedProcess]) -> T) -> T {
        let processes = state.withLock { Array($0.processes.values) }
        return body(processes.sorted { $0.pid < $1.pid })
    }

    // MARK: - Processes

    /// The program's process, once it armed (or disarmed: its notes say why).
    var mainProcess: RecordedProcess? { state.withLock { $0.processes[mainPid] } }

    /// Every recorded process but the program's.
    var children: [RecordedProcess] { state.withLock { $0.processes.values.filter { $0.pid != mainPid } } }

    /// What became of children that got no run.
    var childNotes: [String] { state.withLock { $0.notes } }

    private func discover() {
        for (pid, path) in session.processFiles() {
            let known = state.withLock { $0.processes[pid] != nil || $0.skipped.contains(pid) }
            if known { continue }
            guard let rings = ProcessRings(path: path) else { continue }  // not complete yet
            let meta = MetaLog(path: session.directory + "/proc-\(pid).meta")
            if pid == mainPid {
                let process = RecordedProcess(pid: pid, rings: rings, meta: meta, writer: main)
                state.withLock { $0.processes[pid] = process }
                continue
            }
            switch rings.state {
            case Int32(GILREC_PROCESS_STARTING): continue  // not armed yet: look again next pass
            case Int32(GILREC_PROCESS_DISARMED):
                let why = meta.read().compactMap { if case .note(let text) = $0 { text } else { nil } }.last ?? "disarmed"
                state.withLock {
                    $0.skipped.insert(pid)
                    $0.notes.append("child process \(pid) not recorded: \(why)")
                }
            default:
                attachChild(pid: pid, rings: rings, meta: meta)
            }
        }
    }

    /// A child's program and arguments from its command line, as `runs` stores the program's own:
    /// `python prog.py a b` → (prog.py, [a, b]); `python -c CODE a` → (-c, [CODE, a]); `-m mod a` → (-m mod, [a]).
    static func programAndArguments(_ commandLine: [String], pid: Int32) -> (String, [String]) {
        var index = 1
        while index < commandLine.count {
            let argument = commandLine[index]
            switch argument {
            case "-c":
                return ("-c", Array(commandLine.dropFirst(index + 1)))
            case "-m" where index + 1 < commandLine.count:
                return ("-m " + commandLine[index + 1], Array(commandLine.dropFirst(index + 2)))
            case "-W", "-X", "--check-hash-based-pycs":
                index += 2
            case _ where argument.hasPrefix("-") && argument != "-":
                index += 1
            default:
                return (argument, Array(commandLine.dropFirst(index + 1)))
            }
        }
        return (commandLine.first ?? "pid \(pid)", [])
    }

    private func attachChild(pid: Int32, rings: ProcessRings, meta: MetaLog) {
        let records = meta.read()
        var info = configuration.template
        var commandLine: [String] = []
        for case .process(_, _, let executable, let line) in records {
            info.python = executable
            commandLine = line
        }
        (info.program, info.argv) = Self.programAndArguments(commandLine, pid: pid)
        info.label = configuration.template.label + " [pid \(pid)]"
        info.sweepId = nil
        info.startedAt = WallClock.iso8601Now()
        let parent = state.withLock { $0.processes[rings.parentPid]?.runID }
        info.parentRunId = parent ?? main.runID
        do {
            let writer = try RunWriter.begin(path: configuration.databasePath, info: info, pageLimit: configuration.pageLimit)
            let process = RecordedProcess(pid: pid, rings: rings, meta: meta, writer: writer)
            process.replay(records)
            state.withLock { $0.processes[pid] = process }
        } catch {
            state.withLock {
                $0.skipped.insert(pid)
                $0.notes.append("child process \(pid) not recorded: its run could not be stored (\(error))")
            }
        }
    }
}
