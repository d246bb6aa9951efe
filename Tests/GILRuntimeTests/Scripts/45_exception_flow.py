def risky(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "type":
        raise TypeError("bad type")
    if kind == "key":
        return {}["missing"]
    return "fine"

for kind in ["ok", "value", "type", "key"]:
    try:
        result = risky(kind)
    except ValueError as e:
        print(kind, "-> ValueError", e)
    except (TypeError, KeyError) as e:
        print(kind, "->", type(e).__name__, e)
    else:
        print(kind, "->", result)
    finally:
        print("  cleanup", kind)

def finally_return():
    try:
        return "from try"
    finally:
        print("finally runs before return")

print(finally_return())

def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f" + str(i))
    return out

print(loop_with_finally())
try:
    raise Exception("generic")
except Exception as e:
    print(isinstance(e, BaseException), e.args)
errors = [ZeroDivisionError, IndexError, KeyError, AttributeError]
print([issubclass(e, Exception) for e in errors], issubclass(KeyError, LookupError))
