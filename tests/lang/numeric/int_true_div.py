print(1 / 3, 2 / 3, 10 / 2, -7 / 2, 7 / -2, 0 / 5, -0 / 5, 1 / 10**20)
print(10**30 / 10**10, 2**1000 / 2**999, (10**400 + 1) / 10**399, 1 / (2**1000 + 1) > 0)
print(123456789123456789 / 1000, 9007199254740993 / 1, 2**64 / 3)
try:
    10**400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
x = 9
x /= 2
print(x, type(x).__name__)
print((-1) / 3, 1 / -3, -(1 / 3), 5 / True)
