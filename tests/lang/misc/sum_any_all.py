print(sum([1, 2, 3]), sum([]), sum(range(10), 100), sum([0.5, 0.25, 0.125]), sum([1, 2.5]), sum([[1], [2]], []))
print(sum([(1,), (2,)], ()), sum((x for x in range(4)), start=10), sum([True, True]), sum([1j, 2]))
for args in (([1, "a"],), (["a", "b"], ""), ([b"a"], b""), (5,)):
    try:
        print(sum(*args))
    except TypeError as e:
        print(type(e).__name__, e)
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(any(x > 2 for x in range(5)), all(x < 5 for x in range(5)), any("abc"), all(""))
evaluated = []
def check(v):
    evaluated.append(v)
    return v
print(any(check(v) for v in [0, 1, 2]), evaluated)
evaluated.clear()
print(all(check(v) for v in [1, 0, 2]), evaluated)
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
