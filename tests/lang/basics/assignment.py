a = b = c = 1
print(a, b, c)
a, b = 1, 2
a, b = b, a
print(a, b)
(a, b), c = (3, 4), 5
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
[p, q] = (7, 8)
print(p, q)
x = [0, 1, 2, 3, 4, 5]
x[1:3] = ["a", "b", "c"]
print(x)
x[::2] = [9, 9, 9, 9]
print(x)
del x[0], x[-1]
print(x)
d = {}
d["k"] = d.get("k", 0) + 1
d["k"] += 10
print(d)
n = 5
n += 1; n -= 2; n *= 3; n //= 2; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 13; n ^= 6
print(n)
if (m := len(x)) > 2:
    print("walrus", m)
