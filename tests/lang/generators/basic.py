def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)))
g = count(2)
print(next(g), next(g), next(g, "done"))
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(next(e), e.send(1), e.send("x"))
def gen_return():
    yield 1
    return "result"
g = gen_return()
print(next(g))
try:
    next(g)
except StopIteration as s:
    print("StopIteration", s.value)
def delegate():
    r = yield from gen_return()
    yield r
print(list(delegate()))
squares = (x * x for x in range(6))
print(sum(squares), list(squares))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print([x for _, x in zip(range(10), fib())])
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closing()
print(next(c))
c.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "handled " + str(e)
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    return [n * 10 for n in evens]
print(pipeline())
print(list(enumerate("abc", 1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(list(reversed([1, 2, 3])), dict(enumerate("xy")))
it = iter([1, 2])
print(next(it), next(it), next(it, None))
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print(e)
