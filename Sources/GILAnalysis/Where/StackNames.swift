import GILTrace
import TraceStore

/// A run's code locations and stacks (docs/contracts.md, "Stacks"), for naming the `stack` of slices.
///
/// Stack ids as recorded are not what the analysis groups by: a recorder may intern one source line under
/// several location ids (the CPython engine keys locations by instruction offset, so a line of several
/// instructions has several), and the CPython engine's own Python wrappers (its startup `sitecustomize.py`,
/// bracketing blocking calls) sit above the program's frames. So each recorded stack maps to a **canonical**
/// stack: the recorder's frames dropped, each location replaced by the smallest id with the same file, line,
/// function and first line, and equal frame sequences merged into the smallest stack id. `Queries/where.sql`
/// and `Queries/blocked_behind.sql` compute the same sites (`file GLOB '*/gilrec-*/startup/sitecustomize.py'`).
package struct StackNames: Sendable {
    package let locations: [Int32: CodeLocation]
    package let stacks: [Int32: StackEntry]
    /// Recorded stack → canonical stack id (0: no frame of the program).
    private let canonicalStacks: [Int32: Int32]
    /// Canonical stack → its canonical parent and innermost canonical location.
    private let shapes: [Int32: Shape]

    private struct Shape: Sendable {
        var parent: Int32
        var location: Int32
    }

    package init(locations: [Int32: CodeLocation] = [:], stacks: [Int32: StackEntry] = [:]) {
        self.locations = locations
        self.stacks = stacks
        // Locations: the smallest id of each (file, line, function, first line); the recorder's own: none.
        var canonicalLocations: [Int32: Int32] = [:]
        var firstOf: [CodeLocation: Int32] = [:]
        for id in locations.keys.sorted() {
            let location = locations[id]!
            if RecorderFrames.contains(location.file) { continue }
            var anonymous = location
            anonymous.id = 0
            if let first = firstOf[anonymous] {
                canonicalLocations[id] = first
            } else {
                firstOf[anonymous] = id
                canonicalLocations[id] = id
            }
        }
        // Stacks: resolved parents first (an explicit walk: recursion as deep as the program's would be too).
        var canonical: [Int32: Int32] = [0: 0]
        var shapes: [Int32: Shape] = [:]
        var firstStack: [ShapeKey: Int32] = [:]
        for id in stacks.keys.sorted() where canonical[id] == nil {
            var pending: [Int32] = []
            var current = id
            while canonical[current] == nil, let entry = stacks[current], pending.count <= stacks.count {
                pending.append(current)
                current = entry.parent
            }
            // A parent chain that ends in an unknown id (or loops) is cut there.
            var parent = canonical[current] ?? 0
            for recorded in pending.reversed() {
                if canonical[recorded] == nil, let location = canonicalLocations[stacks[recorded]!.location] {
                    let key = ShapeKey(parent: parent, location: location)
                    if let known = firstStack[key] {
                        parent = known
                    } else {
                        firstStack[key] = recorded
                        shapes[recorded] = Shape(parent: parent, location: location)
                        parent = recorded
                    }
                }
                canonical[recorded] = canonical[recorded] ?? parent
                parent = canonical[recorded]!
            }
        }
        canonicalStacks = canonical
        self.shapes = shapes
    }

    private struct ShapeKey: Hashable {
        var parent: Int32
        var location: Int32
    }

    package static func load(_ reader: TraceReader, runID: Int64) throws -> StackNames {
        StackNames(locations: try reader.locations(runID: runID), stacks: try reader.stacks(runID: runID))
    }

    /// Whether the run recorded any stack.
    package var isEmpty: Bool { stacks.isEmpty }

    /// The canonical id of a recorded stack: equal frame sequences share it (0: no frame of the program).
    package func canonical(_ stack: Int32) -> Int32 { canonicalStacks[stack] ?? 0 }

    /// The canonical id of the innermost frame's location (0: no frame of the program).
    package func siteID(_ stack: Int32) -> Int32 { shapes[canonical(stack)]?.location ?? 0 }

    /// The innermost frame of `stack` (nil for 0, an unknown id or a stack of only the recorder's frames).
    package func site(_ stack: Int32) -> CodeLocation? {
        locations[siteID(stack)]
    }

    /// The frames of `stack`, outermost first (empty for 0).
    package func frames(_ stack: Int32) -> [CodeLocation] {
        var frames: [CodeLocation] = []
        var current = canonical(stack)
        while current != 0, let shape = shapes[current] {
            if let location = locations[shape.location] { frames.append(location) }
            current = shape.parent
        }
        return frames.reversed()
    }
}

/// The CPython engine's own Python code: its startup `sitecustomize.py` in the session directory
/// (`CPythonSession`: `<tmp>/gilrec-XXXXXX/startup/`), whose wrappers call the recorder from inside the
/// program's blocking calls. Their frames are the recorder's, not the program's.
package enum RecorderFrames {
    package static func contains(_ file: String) -> Bool {
        file.hasSuffix("/startup/sitecustomize.py") && file.contains("/gilrec-")
    }
}

extension CodeLocation {
    /// `file:line` as editors and tracebacks show it.
    package var fileLine: String { "\(file):\(line)" }

    /// `function (file:line)`, the way the `where` tables name a site.
    package var label: String { "\(function) (\(fileLine))" }

    /// The file's last path component: `pool.py` for `/tmp/app/pool.py`.
    package var fileName: String { file.split(separator: "/").last.map(String.init) ?? file }

    /// `function (pool.py:12)`: `label` with the file's name only, where the whole path would not fit.
    package var shortLabel: String { "\(function) (\(fileName):\(line))" }

    /// A flame-graph frame name: `function (file:line)`; `;` (the collapsed format's separator) is replaced.
    package var frameName: String { label.replacingSemicolons }
}

extension String {
    var replacingSemicolons: String { String(map { $0 == ";" ? ":" : $0 }) }
}
