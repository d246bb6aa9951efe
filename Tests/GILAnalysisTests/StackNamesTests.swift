import GILTrace
import Testing

@testable import GILAnalysis

/// `StackNames` groups what a recorder interned more than once: one source line under several location ids
/// (the CPython engine's are per instruction), equal frame sequences under several stack ids, and leaves out
/// the CPython engine's own wrapper frames (its startup sitecustomize.py) above the program's.
@Suite struct StackNamesTests {
    static let wrapper = "/dev/shm/gilrec-AbC123/startup/sitecustomize.py"

    static func names() -> StackNames {
        let locations = [
            CodeLocation(id: 1, file: "p.py", line: 10, function: "<module>", firstLine: 1),
            CodeLocation(id: 2, file: "p.py", line: 4, function: "work", firstLine: 3),
            CodeLocation(id: 3, file: "p.py", line: 4, function: "work", firstLine: 3),  // line 4 again
            CodeLocation(id: 4, file: wrapper, line: 279, function: "recorded", firstLine: 277),
            CodeLocation(id: 5, file: "p.py", line: 10, function: "<module>", firstLine: 1),
        ]
        let stacks = [
            StackEntry(id: 1, parent: 0, location: 1, depth: 0),
            StackEntry(id: 2, parent: 1, location: 2, depth: 1),
            StackEntry(id: 3, parent: 1, location: 3, depth: 1),  // = 2
            StackEntry(id: 4, parent: 3, location: 4, depth: 2),  // wrapper above 3: = 2
            StackEntry(id: 5, parent: 0, location: 5, depth: 0),  // = 1
            StackEntry(id: 6, parent: 5, location: 3, depth: 1),  // = 2
            StackEntry(id: 7, parent: 0, location: 4, depth: 0),  // only the wrapper: no frame
            StackEntry(id: 8, parent: 9, location: 2, depth: 5),  // a loop in the parent chain
            StackEntry(id: 9, parent: 8, location: 2, depth: 4),
        ]
        return StackNames(
            locations: Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0) }),
            stacks: Dictionary(uniqueKeysWithValues: stacks.map { ($0.id, $0) }))
    }

    @Test func equalLinesAndStacksShareOneID() {
        let names = Self.names()
        #expect([2, 3, 4, 6].map(names.canonical) == [2, 2, 2, 2])
        #expect(names.canonical(5) == 1)
        #expect([2, 3, 4, 6].map(names.siteID) == [2, 2, 2, 2])
        #expect(names.frames(6).map(\.line) == [10, 4])
        #expect(names.frames(4).map(\.function) == ["<module>", "work"])
    }

    @Test func wrapperFramesAndUnknownStacksAreNoFrame() {
        let names = Self.names()
        #expect(names.canonical(7) == 0 && names.site(7) == nil && names.frames(7).isEmpty)
        #expect(names.canonical(0) == 0 && names.canonical(42) == 0)
        // A damaged chain ends, whatever it names.
        #expect(names.frames(8).count <= 2)
        #expect(RecorderFrames.contains(Self.wrapper) && !RecorderFrames.contains("/home/me/sitecustomize.py"))
    }
}
