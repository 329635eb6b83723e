g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), "-".join(c.upper() for c in "abc"))
print(list((i, j) for i in range(3) for j in range(i)), list(x for x in range(10) if x % 3 == 0 if x))
evaluated = []
def src():
    evaluated.append("src")
    return range(3)
lazy = (x for x in src())
print(evaluated)
print(list(lazy), evaluated)
try:
    gen = (1 / x for x in [1, 0])
    print(next(gen))
    print(next(gen))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(any(x > 3 for x in [1, 5]), all(x for x in [1, 0]), sorted((c for c in "bca"), reverse=True))
total = sum(x for x in range(10)) + sum(y for y in [1])
print(total, tuple(i for i in "ab"), set(x % 2 for x in range(4)) == {0, 1})
try:
    (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
