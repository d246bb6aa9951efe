/// `io` (Lib/io.py, the in-memory part): StringIO and BytesIO; files come from the builtin `open`.
/// Compiled by our own compiler at first import (`SourceModules`).
enum IOSource {
    static let text = #"""
        SEEK_SET = 0
        SEEK_CUR = 1
        SEEK_END = 2
        DEFAULT_BUFFER_SIZE = 8192
        open = open


        class UnsupportedOperation(OSError, ValueError):
            pass


        class IOBase:
            pass


        class RawIOBase(IOBase):
            pass


        class BufferedIOBase(IOBase):
            pass


        class TextIOBase(IOBase):
            pass


        def text_encoding(encoding, stacklevel=2):
            """The encoding open() would use: the given one, else UTF-8 (our locale encoding)."""
            return encoding if encoding is not None else "utf-8"


        class StringIO:
            """An in-memory text stream (Modules/_io/stringio.c): write, read, readline, getvalue, seek, iteration.

            Writes at the end go to a list of pieces (stringio.c's accumulator, _PyUnicodeWriter): appending is
            amortised O(len(s)), and the pieces are joined once, when something reads or writes elsewhere.
            """

            def __init__(self, initial_value="", newline="\n"):
                self._buffer = initial_value or ""
                self._pieces = None
                self._end = len(self._buffer)
                self._pos = 0
                self.closed = False

            def _check(self):
                if self.closed:
                    raise ValueError("I/O operation on closed file")

            def _realize(self):
                if self._pieces is not None:
                    self._buffer = "".join(self._pieces)
                    self._pieces = None

            def write(self, s):
                if self.closed:
                    raise ValueError("I/O operation on closed file")
                if not isinstance(s, str):
                    raise TypeError("string argument expected, got '%s'" % type(s).__name__)
                n = len(s)
                if self._pos == self._end:
                    if self._pieces is None:
                        self._pieces = [self._buffer, s]
                    else:
                        self._pieces.append(s)
                    self._end += n
                    self._pos = self._end
                    return n
                self._realize()
                if self._pos > self._end:
                    self._buffer += "\0" * (self._pos - self._end)
                end = self._pos + n
                self._buffer = self._buffer[:self._pos] + s + self._buffer[end:]
                self._end = len(self._buffer)
                self._pos = end
                return n

            def writelines(self, lines):
                for line in lines:
                    self.write(line)

            def getvalue(self):
                self._check()
                self._realize()
                return self._buffer

            def read(self, size=-1):
                self._check()
                self._realize()
                if size is None or size < 0:
                    out = self._buffer[self._pos:]
                else:
                    out = self._buffer[self._pos:self._pos + size]
                self._pos += len(out)
                return out

            def readline(self, size=-1):
                self._check()
                self._realize()
                if self._pos >= self._end:
                    return ""
                end = self._buffer.find("\n", self._pos)
                end = self._end if end < 0 else end + 1
                if size is not None and size >= 0:
                    end = min(end, self._pos + size)
                out = self._buffer[self._pos:end]
                self._pos = end
                return out

            def readlines(self):
                return list(self)

            def seek(self, pos, whence=0):
                self._check()
                if whence == 1:
                    pos = self._pos + pos
                elif whence == 2:
                    pos = self._end + pos
                self._pos = max(0, pos)
                return self._pos

            def tell(self):
                self._check()
                return self._pos

            def truncate(self, size=None):
                self._check()
                self._realize()
                size = self._pos if size is None else size
                self._buffer = self._buffer[:size]
                self._end = len(self._buffer)
                return size

            def flush(self):
                pass

            def close(self):
                self.closed = True
                self._buffer = ""
                self._pieces = None

            def readable(self):
                return True

            def writable(self):
                return True

            def seekable(self):
                return True

            def __iter__(self):
                return self

            def __next__(self):
                line = self.readline()
                if not line:
                    raise StopIteration
                return line

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.close()
                return False


        class BytesIO:
            """An in-memory bytes stream: write, read, getvalue, seek."""

            def __init__(self, initial_bytes=b""):
                self._buffer = initial_bytes
                self._pos = 0
                self.closed = False

            def write(self, b):
                end = self._pos + len(b)
                self._buffer = self._buffer[:self._pos] + b + self._buffer[end:]
                self._pos = end
                return len(b)

            def getvalue(self):
                return self._buffer

            def read(self, size=-1):
                if size is None or size < 0:
                    out = self._buffer[self._pos:]
                else:
                    out = self._buffer[self._pos:self._pos + size]
                self._pos += len(out)
                return out

            def seek(self, pos, whence=0):
                if whence == 1:
                    pos = self._pos + pos
                elif whence == 2:
                    pos = len(self._buffer) + pos
                self._pos = max(0, pos)
                return self._pos

            def tell(self):
                return self._pos

            def close(self):
                self.closed = True

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.close()
                return False
        """#
}
