# unittest's failure and error reports as CPython prints them (traceback.TracebackException from CPython's
# traceback.py over our traceback, frame and code objects), traceback's chained exceptions, StackSummary,
# walk_tb, and str.splitlines(keepends) which textwrap.indent (and so every traceback line) relies on.
import io
import re
import sys
import traceback
import unittest


class Sample(unittest.TestCase):
    def setUp(self):
        self.items = [1, 2]

    def test_ok(self):
        self.assertEqual(self.items, [1, 2])

    def test_fail(self):
        self.assertEqual(self.items, [1, 3])

    def test_error(self):
        raise KeyError("k")

    def test_dict_fail(self):
        self.assertDictEqual({"a": 1}, {"a": 2}, "custom message")

    @unittest.skip("not today")
    def test_skip(self):
        pass

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)


stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Sample)
result = runner.run(suite)
text = re.sub(r"Ran (\d+) tests? in [0-9.]+s", r"Ran \1 tests in Xs", stream.getvalue())
print(text.replace(__file__, "FILE"))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures),
      result.wasSuccessful())


def inner():
    raise ValueError("inner problem")


def outer():
    try:
        inner()
    except ValueError as e:
        raise RuntimeError("outer problem") from e


try:
    outer()
except RuntimeError as e:
    caught = e

lines = traceback.format_exception(caught)
print("".join(lines).replace(__file__, "FILE"))
te = traceback.TracebackException.from_exception(caught)
print(te.exc_type.__name__, str(te), te.__cause__.exc_type.__name__, [f.name for f in te.stack])
print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(caught.__traceback__)])
print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(caught.__traceback__)])
print(traceback.format_exception_only(ValueError, ValueError("x")))
try:
    {}["missing"]
except KeyError:
    print(traceback.format_exc().splitlines()[-1])
print("a\nb\r\nc\rd\x0be\x1cf\u2028g".splitlines(), "a\nb\r\n".splitlines(True), "".splitlines(), "x\n".splitlines(keepends=True))
