log = []
def f(mode):
    try:
        log.append("try")
        if mode == "raise":
            raise ValueError("v")
        if mode == "return":
            return "ret"
        log.append("try-end")
    except ValueError:
        log.append("except")
        return "from-except"
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return "end"
for mode in ("normal", "raise", "return"):
    log.clear()
    r = f(mode)
    print(mode, r, log)
def nested():
    try:
        try:
            print("inner try")
            raise KeyError("x")
        finally:
            print("inner finally")
    except KeyError:
        print("outer except")
    finally:
        print("outer finally")
nested()
def finally_swallows():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            return "swallowed %d" % i
print(finally_swallows())
def break_in_finally():
    while True:
        try:
            raise RuntimeError("lost")
        finally:
            break
    return "after break"
print(break_in_finally())
