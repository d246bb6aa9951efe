import TraceStore
