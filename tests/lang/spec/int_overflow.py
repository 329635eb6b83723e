# int fast paths overflow to big ints and back; mixed int/float/bool operands
def f(n):
    x = 1
    out = []
    for i in range(n):
        x = x * 3 + i
        out.append(x % 1000)
    return x, out[-3:]
print(f(100))
def g():
    a = 2 ** 62
    r = []
    for i in range(20):
        r.append(a + a)
        r.append(a - (-a))
        r.append(-a * 4)
        r.append(a // -1)
        r.append((-2 ** 63) // -1)
        r.append(7 % -3 + (-7) % 3 + 7 // -2 + (-7) // 2)
    return r[:6]
print(g())
def h():
    s = 0
    for i in range(50):
        v = i if i < 25 else (float(i) if i < 40 else True)
        s = s + v * 2 - 1
    return s
print(h())
def div():
    out = []
    for i in range(30):
        try:
            out.append(10 // (i % 3))
        except ZeroDivisionError:
            out.append('zde')
        try:
            out.append(1.5 / (i % 2))
        except ZeroDivisionError:
            out.append('fzde')
    return out[:8]
print(div())
print([i & 6 | 1 ^ 3 for i in range(20)][-3:])
