/// `collections` (Lib/collections/__init__.py): Counter, defaultdict and OrderedDict as dict subclasses,
/// namedtuple making tuple subclasses (fields are `_collections._tuplegetter`s), deque over a list.
/// Compiled by our own compiler at first import (`SourceModules`).
enum CollectionsSource {
    /// The module's source: the parts below, in order (one module; split only to keep files readable).
    static let text = [dictionaries, sequences, wrappers].joined(separator: "\n")
}
