a, b = 1, 2
a, b = b, a
print(a, b)
x, *y = [1, 2, 3, 4]
*p, q = "hello"
m, *n, o = range(5)
print(x, y, p, q, m, n, o)
(c, d), e = (3, 4), 5
[f, g] = "xy"
print(c, d, e, f, g)
first, *_ , last = (10,)  + (20, 30)
print(first, last, _)
i = j = k = []
i.append(1)
print(i, j, k, i is k)
h, = [42]
print(h)
for bad in ([1, 2, 3], [1], 5):
    try:
        u, v = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a1, b1, *c1 = [1]
except ValueError as e:
    print(type(e).__name__, e)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
obj = type("O", (), {})()
obj.x, obj.y = 1, 2
print(lst, obj.x, obj.y)
d = {}
d["a"], d["b"] = d["b"], d["a"] = 1, 2
print(d)
print([*range(3), *"ab"], (*[1], 2), {**{"k": 1}, "j": 2})
