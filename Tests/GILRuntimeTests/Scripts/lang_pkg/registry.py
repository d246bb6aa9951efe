KINDS = {}


def register(name, cls):
    KINDS[name] = cls
    return cls
