a, b = 1, 2
a, b = b, a
print(a, b)
x = [1, 2, 3]
x[1] += 10
print(x)
d = {'a': 1, **{'b': 2}}
print(d, {1, 2, 3}, (1,), ())
s = "abc"
print(s[1:], s[::-1], s[:2])
x[0:2] = [9]
print(x)
del x[0]
print(x)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a = b = c = 5
print(a, b, c)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
print(not 1, -3, +4, ~5)
print(1 and 2, 0 and 2, 0 or 3, None or 0)
print(5 if a else 6, 5 if not a else 6)
print(f"{a} and {b!r} {s:>5} {3.14159:.2f} {'x'!a}")
print(f"{a=}")
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
    print("n", n)
else:
    print("no")
for i in range(3):
    print(i)
else:
    print("done")
print([i * i for i in range(5) if i % 2])
print({k: v for k, v in zip("ab", [1, 2])})
print({i % 3 for i in range(10)})
print(list(i for i in range(4)))
print([(i, j) for i in range(3) for j in range(i)])
def gen():
    yield 1
    yield from [2, 3]
    return 4
g = gen()
print(list(g))
x = 10
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
f = outer()
print(f(), f())
def gl():
    global x
    x = 99
gl()
print(x)
print((lambda a, b=2, *c, d=4, **e: (a, b, c, d, e))(1, 2, 3, d=5, z=6))
