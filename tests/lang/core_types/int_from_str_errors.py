cases = [("", 10), ("abc", 10), ("12a", 10), ("1 2", 10), ("1__0", 10), ("_1", 10),
         ("0x", 16), ("2", 2), ("8", 8), ("0b102", 0), ("010", 0), ("1.5", 10),
         ("z", 35), ("  ", 10), ("- 1", 10), ("++1", 10)]
for s, b in cases:
    try:
        print(int(s, b))
    except ValueError as e:
        print(type(e).__name__, e)
for b in (1, 37, -1):
    try:
        int("1", b)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(12, 10)
except TypeError as e:
    print(type(e).__name__, e)
for v in (None, [1], float("inf"), float("nan")):
    try:
        int(v)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    int("1", base="2")
except TypeError as e:
    print(type(e).__name__, e)
