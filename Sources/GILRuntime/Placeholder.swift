import GILCore
