ORIGIN = "extra path"


def triple(x):
    return 3 * x
