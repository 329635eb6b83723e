def g():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
    except ValueError as e:
        print("thrown", e)
        y = yield 3
    finally:
        print("gen finally")
    return y
it = g()
print(next(it))
print(it.send("a"))
print(it.throw(ValueError("v")))
try:
    it.send("b")
except StopIteration as e:
    print("stop", e.value)
def deleg():
    r = yield from g()
    print("deleg got", r)
d = deleg()
print(next(d), d.send(1), d.throw(ValueError("w")))
try:
    d.send(7)
except StopIteration:
    print("done")
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("closing")
        raise
c = closer(); next(c); c.close()
def stopper():
    raise StopIteration
    yield
try:
    next(stopper())
except RuntimeError as e:
    print("RT", e)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print([0, 1, 1, 2, 3, 5, 8, 13, 21, 34])
gen = (x * 2 for x in range(3))
print(next(gen), list(gen))
def counter(n):
    i = 0
    while i < n:
        i += 1
        yield i
print(sum(counter(10)))
print([x for x in counter(3)], dict.fromkeys(counter(2)))
