print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("x", start=-2)))
print(list(zip()), list(zip([1, 2, 3])), list(zip([1, 2, 3], "ab")), list(zip(range(3), "abc", [True, False, None])))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], [3, 4], strict=True)))
e = enumerate(["x", "y"])
print(type(e).__name__, next(e), list(e))
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
z = zip(iter([1, 2, 3]), iter([4]))
print(list(z), list(z))
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip(1, [2])
except TypeError as e:
    print(type(e).__name__, e)
