x = "outer"
squares = [x * 2 for x in range(3)]
print(squares, x)
y = 10
print([y + i for i in range(3)])
print({k: y for k in "ab"}, {y * i for i in (1, 2)} == {10, 20})
class C:
    v = 5
    items = [1, 2]
    doubled = [i * 2 for i in items]
    try:
        bad = [v for _ in range(2)]
    except NameError as e:
        bad = type(e).__name__ + ": " + str(e)
print(C.doubled, C.bad)
def f():
    n = 3
    return [[n * r + c for c in range(n)] for r in range(n)]
print(f())
fs = [lambda: i for i in range(3)]
print([g() for g in fs])
print([i for i in range(3)], "i" in dir())
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
res = [(a, b) for a in range(3) for b in range(a, 3) if (a + b) % 2 == 0]
print(res)
