/// `itertools` (Modules/itertoolsmodule.c; the pure-Python equivalents from its documentation) as generators.
/// Compiled by our own compiler at first import (`SourceModules`).
enum ItertoolsSource {
    static let text = #"""
        def count(start=0, step=1):
            n = start
            while True:
                yield n
                n += step


        from _gilrec_itertools import islice  # native: ItertoolsAccelerator


        class chain:
            def __init__(self, *iterables):
                self._gen = self._run(iterables)

            @staticmethod
            def _run(iterables):
                for it in iterables:
                    for element in it:
                        yield element

            @classmethod
            def from_iterable(cls, iterables):
                c = cls()
                c._gen = cls._run(iterables)
                return c

            def __iter__(self):
                return self

            def __next__(self):
                return next(self._gen)


        def cycle(iterable):
            saved = []
            for element in iterable:
                yield element
                saved.append(element)
            while saved:
                for element in saved:
                    yield element


        def repeat(obj, times=None):
            if times is None:
                while True:
                    yield obj
            else:
                for _ in range(times):
                    yield obj


        def accumulate(iterable, func=None, *, initial=None):
            it = iter(iterable)
            total = initial
            if initial is None:
                try:
                    total = next(it)
                except StopIteration:
                    return
            yield total
            for element in it:
                total = total + element if func is None else func(total, element)
                yield total


        def product(*iterables, repeat=1):
            pools = [tuple(pool) for pool in iterables] * repeat
            result = [[]]
            for pool in pools:
                result = [x + [y] for x in result for y in pool]
            for prod in result:
                yield tuple(prod)


        def permutations(iterable, r=None):
            pool = tuple(iterable)
            n = len(pool)
            r = n if r is None else r
            if r > n:
                return
            indices = list(range(n))
            cycles = list(range(n, n - r, -1))
            yield tuple(pool[i] for i in indices[:r])
            while n:
                for i in reversed(range(r)):
                    cycles[i] -= 1
                    if cycles[i] == 0:
                        indices[i:] = indices[i + 1:] + indices[i:i + 1]
                        cycles[i] = n - i
                    else:
                        j = cycles[i]
                        indices[i], indices[-j] = indices[-j], indices[i]
                        yield tuple(pool[i] for i in indices[:r])
                        break
                else:
                    return


        def combinations(iterable, r):
            pool = tuple(iterable)
            n = len(pool)
            if r > n:
                return
            indices = list(range(r))
            yield tuple(pool[i] for i in indices)
            while True:
                for i in reversed(range(r)):
                    if indices[i] != i + n - r:
                        break
                else:
                    return
                indices[i] += 1
                for j in range(i + 1, r):
                    indices[j] = indices[j - 1] + 1
                yield tuple(pool[i] for i in indices)


        def combinations_with_replacement(iterable, r):
            pool = tuple(iterable)
            n = len(pool)
            if not n and r:
                return
            indices = [0] * r
            yield tuple(pool[i] for i in indices)
            while True:
                for i in reversed(range(r)):
                    if indices[i] != n - 1:
                        break
                else:
                    return
                indices[i:] = [indices[i] + 1] * (r - i)
                yield tuple(pool[i] for i in indices)


        def groupby(iterable, key=None):
            keyfunc = (lambda x: x) if key is None else key
            group = []
            current = None
            started = False
            for element in iterable:
                k = keyfunc(element)
                if started and k == current:
                    group.append(element)
                    continue
                if started:
                    yield current, iter(group)
                current = k
                group = [element]
                started = True
            if started:
                yield current, iter(group)


        def zip_longest(*iterables, fillvalue=None):
            iterators = [iter(it) for it in iterables]
            active = len(iterators)
            if not active:
                return
            while True:
                values = []
                for i, it in enumerate(iterators):
                    try:
                        value = next(it)
                    except StopIteration:
                        active -= 1
                        if not active:
                            return
                        iterators[i] = repeat(fillvalue)
                        value = fillvalue
                    values.append(value)
                yield tuple(values)


        def takewhile(predicate, iterable):
            for x in iterable:
                if predicate(x):
                    yield x
                else:
                    break


        def dropwhile(predicate, iterable):
            it = iter(iterable)
            for x in it:
                if not predicate(x):
                    yield x
                    break
            for x in it:
                yield x


        def filterfalse(predicate, iterable):
            if predicate is None:
                predicate = bool
            for x in iterable:
                if not predicate(x):
                    yield x


        def starmap(function, iterable):
            for args in iterable:
                yield function(*args)


        def compress(data, selectors):
            for d, s in zip(data, selectors):
                if s:
                    yield d


        def pairwise(iterable):
            it = iter(iterable)
            try:
                a = next(it)
            except StopIteration:
                return
            for b in it:
                yield a, b
                a = b


        def tee(iterable, n=2):
            items = list(iterable)
            return tuple(iter(items) for _ in range(n))
        """#
}
