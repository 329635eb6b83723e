for v in [0.5, 1.5, 2.5, -0.5, -1.5, 3.4999, 2.675, 0.125, 0.375, -2.5, 1e20, 0.0, -0.0]:
    print(v, round(v), round(v, 1), round(v, 2), type(round(v)).__name__)
print(round(1234.5678, -2), round(1250.0, -2), round(1350, -2), round(-1250, -2))
print(round(5), round(15, -1), round(25, -1), round(-35, -1), round(123, 5))
print(round(2.5, None), round(0.1 + 0.2, 15), round(1e-10, 5))
print(round(1.23456789e10, -5), round(123.456, 0), type(round(123.456, 0)).__name__)
print(round(7, 0), type(round(7, 0)).__name__, round(True))
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
print(round(10**20 + 5, -1), round(10**20 + 15, -1))
