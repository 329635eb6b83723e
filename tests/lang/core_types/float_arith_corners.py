print(0.1 + 0.7, 1.0 - 0.9, 3 * 0.1, 0.7 / 0.1, 2.5 * 4)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1.0, 0.1))
print(5 % 0.3, -5 % 0.3, 1e-300 * 1e-300, 1e300 * 1e300)
print(-0.0 + 0.0, -0.0 - 0.0, -0.0 * 1, 0.0 * -1, -(0.0))
print(2.0 ** 0.5, 4 ** 0.5, (-8.0) ** 3, 2 ** -1.0, 10.0 ** -2)
print(1 / 2, 1 / 3, -1 / 3, 10 / 4, 10 / 5, (2**60) / 3)
print(type(10 / 5).__name__, type(3 // 1.0).__name__)
print(0.5 + True, 1.0 * False)
print(abs(-2.5), abs(-0.0), -abs(3.0))
print(1e308 * 10, -1e308 * 10)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-8.0) ** 0.5
except ValueError as e:
    print(type(e).__name__, e)
print(type((-8) ** 0.5).__name__)
try:
    2 ** 10000 * 1.0
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 / 10 ** 399)
