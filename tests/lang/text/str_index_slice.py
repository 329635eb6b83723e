s = "Hello, World"
print(s[0], s[-1], s[7], s[-5], s[0:5], s[7:], s[:-7], s[::2], s[::-1], s[1:10:3], s[10:2:-2])
print(repr(s[100:]), repr(s[5:2]), s[-100:3], s[::100], len(s), len(""), len(s[3:3]))
for i in (12, -13, 100):
    try:
        s[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    s[1.5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = "h"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
print(s[slice(2, 4)], "abc"[True], "x"[0][0][0])
