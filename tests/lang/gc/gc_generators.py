# Suspended generators in cycles are collected; their finally blocks run on close.
import gc
import weakref


def gen(log, box):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


gc.collect()
log = []
box = []
g = gen(log, box)
box.append(g)  # cycle: generator -> frame -> box -> generator
print(next(g))
wg = weakref.ref(g)
del g, box
print(wg() is not None, log)
gc.collect()
print(wg(), log)


def counter():
    n = 0
    while True:
        n += 1
        yield n


c = counter()
print([next(c) for _ in range(3)])
wc = weakref.ref(c)
del c
print(wc())


def selfref():
    me = yield
    yield me


s = selfref()
next(s)
print(s.send(s) is s)
ws = weakref.ref(s)
del s
gc.collect()
print(ws())


def running():
    data = []
    for i in range(3):
        data.append([i] * 2)
        x = yield i
        gc.collect()
        data.append(x)
    yield data


r = running()
vals = [next(r)]
for i in range(3):
    vals.append(r.send({"i": i}))
print(vals)
