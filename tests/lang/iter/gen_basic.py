def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("done")
g = count_up(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
print(list(count_up(2)), sum(count_up(5)))
def empty():
    return
    yield
print(list(empty()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(iter(g) is g, hasattr(g, "__next__"))
