# float fast paths: reuse of dying operands must never change a value still in use
def f():
    x = 0.5
    keep = []
    for i in range(50):
        y = x * 1.5
        keep.append(y)
        x = y - x + 0.25
        z = x / 2.0
        keep.append(z)
    return x, keep[:4], keep[-2:]
print(f())
a = 1.0
b = a + 0.0
c = [a + 1.0 for _ in range(30)]
print(a, b, c[-1], c[0] is c[1])
print([1.0 / v for v in (2.0, 4.0)], [v < 1.5 for v in (1.0, 2.0, float('nan'))])
try:
    [1.0 / v for v in (2.0,) * 20 + (0.0,)]
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(sum(i * 0.1 for i in range(100)), 1e308 * 10, -0.0 * 1.0)
