/// `io` (Lib/io.py): StringIO and BytesIO; files come from the builtin `open`, with TextIOWrapper, FileIO and
/// the Buffered* names over them (ours are buffered already: those layers delegate).
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


        from _gilrec_io import StringIO as _StringIO


        class StringIO(_StringIO, TextIOBase):
            """An in-memory text stream (Modules/_io/stringio.c): native (`StringIOType`) with CPython's newline
            modes, code point positions and pickling; IOBase's methods here (they go through `closed` and
            `write`/`readline` as CPython's do, so subclasses' overrides take part)."""

            __module__ = "_io"
            encoding = None
            errors = None

            def isatty(self):
                if self.closed:
                    raise ValueError("I/O operation on closed file.")
                return False

            def readlines(self, hint=None):
                if hint is not None and not isinstance(hint, int):
                    hint = hint.__index__()
                if hint is None or hint <= 0:
                    return list(self)
                lines = []
                total = 0
                for line in self:
                    lines.append(line)
                    total += len(line)
                    if total >= hint:
                        break
                return lines

            def writelines(self, lines):
                if self.closed:
                    raise ValueError("I/O operation on closed file.")
                write = self.write
                for line in lines:
                    write(line)

            def __iter__(self):
                if self.closed:
                    raise ValueError("I/O operation on closed file.")
                return self

            def __enter__(self):
                if self.closed:
                    raise ValueError("I/O operation on closed file.")
                return self

            def __exit__(self, *exc):
                self.close()

            def fileno(self):
                raise UnsupportedOperation("fileno")

            def detach(self):
                raise UnsupportedOperation("detach")


        from _gilrec_io import BytesIO as _BytesIO


        class BytesIO(_BytesIO, BufferedIOBase):
            """An in-memory bytes stream (Modules/_io/bytesio.c): native (`BytesIOType`) over a bytearray, so
            writes at the end append in amortised O(len(b)) and getbuffer() is a view that writes through
            (ours does not forbid resizing while a view exists, CPython's raises BufferError)."""

            def fileno(self):
                raise UnsupportedOperation("fileno")

            def detach(self):
                raise UnsupportedOperation("detach")


        class _Delegating:
            """A buffered layer over a raw file object: ours are already buffered, so it only delegates."""

            def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
                self.raw = raw

            def __getattr__(self, name):
                return getattr(self.raw, name)

            def detach(self):
                raw, self.raw = self.raw, None
                return raw

            def __iter__(self):
                return iter(self.raw)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.close()
                return False


        class BufferedReader(_Delegating, BufferedIOBase):
            def peek(self, size=0):
                position = self.raw.tell()
                data = self.raw.read(max(size, 1))
                self.raw.seek(position)
                return data

            def read1(self, size=-1):
                return self.raw.read(size if size is not None and size >= 0 else DEFAULT_BUFFER_SIZE)


        class BufferedWriter(_Delegating, BufferedIOBase):
            pass


        class BufferedRandom(_Delegating, BufferedIOBase):
            pass


        def FileIO(file, mode="r", closefd=True, opener=None):
            return open(file, mode.replace("b", "") + "b", buffering=0, closefd=closefd, opener=opener)


        class TextIOWrapper(TextIOBase):
            """Text over a binary stream (Lib/_pyio.py's behaviour): an incremental decoder, universal newlines
            when reading with newline=None, newline translation when writing."""

            def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False):
                import codecs
                if newline not in (None, "", "\n", "\r", "\r\n"):
                    raise ValueError("illegal newline value: %r" % (newline,))
                self.buffer = buffer
                self.encoding = "utf-8" if encoding is None or encoding == "locale" else encoding
                self.errors = "strict" if errors is None else errors
                self._decoder = codecs.getincrementaldecoder(self.encoding)(self.errors)
                self._newline = newline
                self.line_buffering = line_buffering
                self.write_through = write_through
                self._pending = ""
                self._eof = False

            @property
            def closed(self):
                return self.buffer.closed

            @property
            def name(self):
                return self.buffer.name

            @property
            def newlines(self):
                return None

            def fileno(self):
                return self.buffer.fileno()

            def readable(self):
                return self.buffer.readable()

            def writable(self):
                return self.buffer.writable()

            def seekable(self):
                return self.buffer.seekable()

            def isatty(self):
                return self.buffer.isatty()

            def _translate(self, text):
                if self._newline is None:
                    return text.replace("\r\n", "\n").replace("\r", "\n")
                return text

            def _fill(self):
                data = self.buffer.read1(DEFAULT_BUFFER_SIZE) if hasattr(self.buffer, "read1") else self.buffer.read(DEFAULT_BUFFER_SIZE)
                if not data:
                    self._pending += self._decoder.decode(b"", True)
                    self._eof = True
                else:
                    self._pending += self._decoder.decode(data)

            def read(self, size=-1):
                if size is None or size < 0:
                    data = self.buffer.read()
                    text = self._pending + self._decoder.decode(data, True)
                    self._pending = ""
                    self._eof = True
                    return self._translate(text)
                while len(self._pending) < size + 1 and not self._eof:
                    self._fill()
                text = self._translate(self._pending)
                out = text[:size]
                self._pending = text[size:]
                return out

            def readline(self, size=-1):
                while True:
                    text = self._translate(self._pending) if self._eof or not self._pending.endswith("\r") else self._pending
                    end = text.find("\n")
                    if end >= 0 or self._eof:
                        cut = len(text) if end < 0 else end + 1
                        if size is not None and size >= 0:
                            cut = min(cut, size)
                        self._pending = text[cut:]
                        return text[:cut]
                    self._fill()

            def readlines(self, hint=-1):
                return list(self)

            def __iter__(self):
                return self

            def __next__(self):
                line = self.readline()
                if not line:
                    raise StopIteration
                return line

            def write(self, s):
                if not isinstance(s, str):
                    raise TypeError("write() argument must be str, not %s" % type(s).__name__)
                text = s
                if self._newline not in (None, "", "\n"):
                    text = text.replace("\n", self._newline)
                self.buffer.write(text.encode(self.encoding, self.errors))
                if self.line_buffering and ("\n" in s or "\r" in s):
                    self.flush()
                return len(s)

            def flush(self):
                self.buffer.flush()

            def close(self):
                if not self.buffer.closed:
                    try:
                        self.flush()
                    finally:
                        self.buffer.close()

            def detach(self):
                buffer, self.buffer = self.buffer, None
                return buffer

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.close()
                return False
        """#
}
