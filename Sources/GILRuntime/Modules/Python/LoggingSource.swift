/// `logging` (Lib/logging/__init__.py, simplified): loggers in a dotted hierarchy, StreamHandler/FileHandler,
/// %-style Formatter with `%(threadName)s` etc., basicConfig and the module-level helpers.
/// Compiled by our own compiler at first import (`SourceModules`).
enum LoggingSource {
    static let text = #"""
        import sys
        import threading
        import time

        CRITICAL = 50
        FATAL = CRITICAL
        ERROR = 40
        WARNING = 30
        WARN = WARNING
        INFO = 20
        DEBUG = 10
        NOTSET = 0

        _levelToName = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO", DEBUG: "DEBUG", NOTSET: "NOTSET"}
        _nameToLevel = {"CRITICAL": CRITICAL, "FATAL": FATAL, "ERROR": ERROR, "WARN": WARNING, "WARNING": WARNING,
                        "INFO": INFO, "DEBUG": DEBUG, "NOTSET": NOTSET}
        BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"
        _lock = threading.RLock()
        _start = time.time()


        def getLevelName(level):
            if level in _levelToName:
                return _levelToName[level]
            if level in _nameToLevel:
                return _nameToLevel[level]
            return "Level %s" % level


        def _checkLevel(level):
            if isinstance(level, int):
                return level
            if str(level) == level:
                if level not in _nameToLevel:
                    raise ValueError("Unknown level: %r" % level)
                return _nameToLevel[level]
            raise TypeError("Level not an integer or a valid string: %r" % (level,))


        class LogRecord:
            def __init__(self, name, level, msg, args, exc_info=None):
                self.name = name
                self.levelno = level
                self.levelname = getLevelName(level)
                self.msg = msg
                self.args = args
                self.created = time.time()
                self.msecs = int((self.created - int(self.created)) * 1000)
                self.relativeCreated = (self.created - _start) * 1000
                thread = threading.current_thread()
                self.threadName = thread.name
                self.thread = threading.get_ident()
                self.process = 0
                self.processName = "MainProcess"
                self.exc_info = exc_info
                self.module = "__main__"
                self.filename = ""
                self.funcName = ""
                self.lineno = 0

            def getMessage(self):
                msg = str(self.msg)
                if self.args:
                    msg = msg % self.args
                return msg


        class Formatter:
            def __init__(self, fmt=None, datefmt=None, style="%"):
                self._fmt = fmt or "%(message)s"
                self.datefmt = datefmt

            def formatTime(self, record, datefmt=None):
                return time.strftime(datefmt or "%Y-%m-%d %H:%M:%S", time.localtime(record.created)) + ",%03d" % record.msecs

            def format(self, record):
                record.message = record.getMessage()
                if "%(asctime)" in self._fmt:
                    record.asctime = self.formatTime(record, self.datefmt)
                s = self._fmt % record.__dict__
                if record.exc_info:
                    import traceback
                    if isinstance(record.exc_info, BaseException):
                        text = "".join(traceback.format_exception(record.exc_info))
                    else:
                        text = traceback.format_exc()
                    s = s + "\n" + text.rstrip("\n")
                return s


        class Filterer:
            def __init__(self):
                self.filters = []

            def addFilter(self, f):
                if f not in self.filters:
                    self.filters.append(f)

            def removeFilter(self, f):
                if f in self.filters:
                    self.filters.remove(f)

            def filter(self, record):
                for f in self.filters:
                    result = f.filter(record) if hasattr(f, "filter") else f(record)
                    if not result:
                        return False
                return True


        class Handler(Filterer):
            def __init__(self, level=NOTSET):
                Filterer.__init__(self)
                self.level = _checkLevel(level)
                self.formatter = None
                self.lock = threading.RLock()

            def setLevel(self, level):
                self.level = _checkLevel(level)

            def setFormatter(self, fmt):
                self.formatter = fmt

            def format(self, record):
                return (self.formatter or _defaultFormatter).format(record)

            def handle(self, record):
                if self.filter(record):
                    with self.lock:
                        self.emit(record)

            def emit(self, record):
                raise NotImplementedError("emit must be implemented by Handler subclasses")

            def flush(self):
                pass

            def close(self):
                pass


        class StreamHandler(Handler):
            terminator = "\n"

            def __init__(self, stream=None):
                Handler.__init__(self)
                self.stream = sys.stderr if stream is None else stream

            def emit(self, record):
                self.stream.write(self.format(record) + self.terminator)
                self.flush()

            def flush(self):
                if hasattr(self.stream, "flush"):
                    self.stream.flush()


        class FileHandler(StreamHandler):
            def __init__(self, filename, mode="a", encoding=None):
                StreamHandler.__init__(self, open(filename, mode))

            def close(self):
                self.stream.close()


        class Logger(Filterer):
            def __init__(self, name, level=NOTSET):
                Filterer.__init__(self)
                self.name = name
                self.level = _checkLevel(level)
                self.parent = None
                self.propagate = True
                self.handlers = []
                self.disabled = False

            def setLevel(self, level):
                self.level = _checkLevel(level)

            def getEffectiveLevel(self):
                logger = self
                while logger:
                    if logger.level:
                        return logger.level
                    logger = logger.parent
                return NOTSET

            def isEnabledFor(self, level):
                return level >= self.getEffectiveLevel()

            def addHandler(self, h):
                if h not in self.handlers:
                    self.handlers.append(h)

            def removeHandler(self, h):
                if h in self.handlers:
                    self.handlers.remove(h)

            def hasHandlers(self):
                logger = self
                while logger:
                    if logger.handlers:
                        return True
                    logger = logger.parent if logger.propagate else None
                return False

            def getChild(self, suffix):
                return getLogger(self.name + "." + suffix if self is not root else suffix)

            def log(self, level, msg, *args, exc_info=None, **kwargs):
                if self.isEnabledFor(level):
                    self._log(level, msg, args, exc_info)

            def debug(self, msg, *args, **kwargs):
                self.log(DEBUG, msg, *args, **kwargs)

            def info(self, msg, *args, **kwargs):
                self.log(INFO, msg, *args, **kwargs)

            def warning(self, msg, *args, **kwargs):
                self.log(WARNING, msg, *args, **kwargs)

            warn = warning

            def error(self, msg, *args, **kwargs):
                self.log(ERROR, msg, *args, **kwargs)

            def exception(self, msg, *args, exc_info=True, **kwargs):
                self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

            def critical(self, msg, *args, **kwargs):
                self.log(CRITICAL, msg, *args, **kwargs)

            fatal = critical

            def _log(self, level, msg, args, exc_info=None):
                record = LogRecord(self.name, level, msg, args, exc_info)
                if self.disabled or not self.filter(record):
                    return
                found = 0
                logger = self
                while logger:
                    for h in logger.handlers:
                        found += 1
                        if record.levelno >= h.level:
                            h.handle(record)
                    logger = logger.parent if logger.propagate else None
                if found == 0 and level >= WARNING:
                    lastResort.handle(record)

            def __repr__(self):
                return "<%s %s (%s)>" % (self.__class__.__name__, self.name, getLevelName(self.getEffectiveLevel()))


        class RootLogger(Logger):
            def __init__(self, level):
                Logger.__init__(self, "root", level)


        _defaultFormatter = Formatter()
        root = RootLogger(WARNING)
        _loggers = {}


        class _StderrHandler(StreamHandler):
            def __init__(self):
                Handler.__init__(self, WARNING)

            @property
            def stream(self):
                return sys.stderr


        lastResort = _StderrHandler()


        def getLogger(name=None):
            if not name or name == "root":
                return root
            with _lock:
                if name in _loggers:
                    return _loggers[name]
                logger = Logger(name)
                _loggers[name] = logger
                parent_name = name.rpartition(".")[0]
                parent = None
                while parent_name:
                    if parent_name in _loggers:
                        parent = _loggers[parent_name]
                        break
                    parent_name = parent_name.rpartition(".")[0]
                logger.parent = parent or root
                for other_name, other in _loggers.items():
                    if other_name.startswith(name + ".") and (other.parent is root or len(other.parent.name) < len(name)):
                        other.parent = logger
                return logger


        def basicConfig(**kwargs):
            with _lock:
                force = kwargs.pop("force", False)
                if force:
                    for h in root.handlers[:]:
                        root.removeHandler(h)
                        h.close()
                if root.handlers:
                    return
                handlers = kwargs.pop("handlers", None)
                if handlers is None:
                    filename = kwargs.pop("filename", None)
                    mode = kwargs.pop("filemode", "a")
                    if filename:
                        handlers = [FileHandler(filename, mode)]
                    else:
                        handlers = [StreamHandler(kwargs.pop("stream", None))]
                fmt = Formatter(kwargs.pop("format", BASIC_FORMAT), kwargs.pop("datefmt", None), kwargs.pop("style", "%"))
                for h in handlers:
                    if h.formatter is None:
                        h.setFormatter(fmt)
                    root.addHandler(h)
                level = kwargs.pop("level", None)
                if level is not None:
                    root.setLevel(level)
                if kwargs:
                    raise ValueError("Unrecognised argument(s): " + ", ".join(kwargs))


        def _root_call(level, msg, args, kwargs):
            if not root.handlers:
                basicConfig()
            root.log(level, msg, *args, **kwargs)


        def debug(msg, *args, **kwargs):
            _root_call(DEBUG, msg, args, kwargs)


        def info(msg, *args, **kwargs):
            _root_call(INFO, msg, args, kwargs)


        def warning(msg, *args, **kwargs):
            _root_call(WARNING, msg, args, kwargs)


        warn = warning


        def error(msg, *args, **kwargs):
            _root_call(ERROR, msg, args, kwargs)


        def exception(msg, *args, exc_info=True, **kwargs):
            _root_call(ERROR, msg, args, kwargs)


        def critical(msg, *args, **kwargs):
            _root_call(CRITICAL, msg, args, kwargs)


        fatal = critical


        def log(level, msg, *args, **kwargs):
            _root_call(level, msg, args, kwargs)


        def disable(level=CRITICAL):
            root.manager_disable = level


        def shutdown():
            for h in root.handlers:
                h.flush()
        """#
}
