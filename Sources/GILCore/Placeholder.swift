import GILTrace
