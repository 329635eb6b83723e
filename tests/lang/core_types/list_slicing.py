a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[-1:-4:-1], a[8:2:-2])
print(a[100:], a[-100:2], a[5:2], a[2:5:-1], a[::100])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [10, 11]
print(b)
b[::2] = "ABCDE"
print(b)
del b[::3]
print(b)
del b[1:3]
print(b)
b[:] = []
print(b)
c = [1, 2, 3]
c[len(c):] = [4, 5]
print(c)
try:
    c[::2] = [0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    c[0:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
print(a[slice(1, 4)], a[slice(None, None, -3)])
print(a[-1], a[-10])
s = [[0] * 2 for _ in range(2)]
s[0][1] = 5
print(s)
