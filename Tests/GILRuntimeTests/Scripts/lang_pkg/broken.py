value = 1
def oops(:
    pass
