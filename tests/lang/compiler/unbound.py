def t1(c):
    try:
        if c: raise ValueError
        x = 1
    except ValueError:
        pass
    return x
def t2(c):
    for i in range(c):
        y = i
    return y
def t3(c):
    while c:
        c -= 1
        z = c
    return z
def t4():
    try:
        w = 1
        del w
        return w
    finally:
        pass
def t5(c):
    with open("/dev/null") as f:
        if c: v = 1
    return v
def t6(c):
    match c:
        case [a]: pass
        case _: pass
    return a
def t7(c):
    try:
        raise KeyError
    except KeyError as e:
        pass
    return e
def t8(c):
    if c:
        q = 1
    def inner(): return q
    return inner()
def t9(c):
    [r := 1 for _ in range(c)]
    return r
def t10(c):
    for i in range(3):
        if i == c:
            s = i
            break
    else:
        pass
    return s
def t11(c):
    try:
        if c: return
        u = 1
    finally:
        print(u)
for fn, arg in [(t1, 1), (t1, 0), (t2, 0), (t2, 2), (t3, 0), (t3, 2), (t4, None), (t5, 0), (t5, 1), (t6, 5), (t6, [7]), (t7, 0), (t8, 0), (t8, 1), (t9, 0), (t9, 2), (t10, 5), (t10, 1), (t11, 0), (t11, 1)]:
    try:
        print(fn.__name__, fn(arg) if arg is not None else fn())
    except (NameError, UnboundLocalError) as e:
        print(fn.__name__, type(e).__name__, e)
