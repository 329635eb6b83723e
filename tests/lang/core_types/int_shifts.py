print(1 << 0, 1 << 1, 1 << 10, 1 << 64, 1 << 100)
print(5 >> 1, 5 >> 3, 5 >> 100, 2**100 >> 98)
print(-1 >> 1, -1 >> 100, -5 >> 1, -8 >> 2, -9 >> 2)
print(-1 << 3, -3 << 65)
print(0 << 1000, 0 >> 5)
print((1 << 200) >> 199)
print(-(2**70) >> 3, -(2**70 + 1) >> 3)
for bad in (-1, -100):
    try:
        print(1 << bad)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        print(1 >> bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    1 << 1.0
except TypeError as e:
    print(type(e).__name__, e)
x = 3
x <<= 5
print(x)
x >>= 2
print(x)
print(True << 3, 1 << True)
