def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running)
next(gen)
print(list(gen), list(gen))
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
def counter():
    n = 0
    while True:
        n += 1
        cmd = yield n
        if cmd == "reset":
            n = 0
c = counter()
print(next(c), next(c), c.send("reset"), next(c))
def pairs(seq):
    it = iter(seq)
    for a in it:
        yield a, next(it, None)
print(list(pairs([1, 2, 3, 4, 5])))
def take(n, it):
    for _ in range(n):
        yield next(it)
naturals = iter(range(100))
print(list(take(3, naturals)), list(take(2, naturals)))
