/// Start-up: importing a set of standard-library modules, as a program does before its first line of work.
/// gilrec's side reads them from its compiled-code cache (`CodeCache`), warmed by one unmeasured run;
/// python3's from its `.pyc` files. Both first import, untimed, what CPython's `site` already loads
/// (re, typing, enum, collections…), so the timed imports are new to both interpreters.
extension Benchmarks {
    static let startupSource = """
        import time, os, re, typing, enum, collections, functools, contextlib, weakref, random, threading, struct

        start = time.perf_counter()
        import argparse, dataclasses, json, logging, textwrap, pprint, difflib, statistics, calendar, datetime
        import fractions, string, heapq, inspect, decimal, configparser, optparse, gettext, shlex, uuid, unittest
        print(time.perf_counter() - start)
        """

    /// The `interpreter startup` row (warm cache on both sides).
    static func startupRow(repeats: Int, context: BenchmarkContext) throws -> [BenchmarkRow] {
        _ = try gilrecSeconds(startupSource, traced: false, repeats: 1, context: context)  // fills the cache
        return try interpreterRows([("startup", startupSource)], repeats: repeats, context: context)
    }
}
