/// The parts of `threading` (Lib/threading.py) written in Python on top of the native module: `Timer` is a
/// `Thread` that waits on an `Event` for its interval, so `cancel()` ends the wait early and both the wait
/// and the cancel are recorded like any other Event use.
enum ThreadingExtrasSource {
    /// Names copied from this source into the native `threading` module.
    static let exported = ["Timer"]

    static let text = #"""
        import threading


        class Timer(threading.Thread):
            def __init__(self, interval, function, args=None, kwargs=None):
                threading.Thread.__init__(self)
                self.interval = interval
                self.function = function
                self.args = args if args is not None else []
                self.kwargs = kwargs if kwargs is not None else {}
                self.finished = threading.Event()

            def cancel(self):
                self.finished.set()

            def run(self):
                self.finished.wait(self.interval)
                if not self.finished.is_set():
                    self.function(*self.args, **self.kwargs)
                self.finished.set()
        """#
}
