r = range(2, 20, 3)
print(r, range(5), range(0, 5), range(1, 10, -2), list(r), len(r), r[0], r[-1], r[2], r[1:3], r[::-1])
print(list(range(10, 0, -3)), list(range(0)), list(range(5, 5)), len(range(0, -10)), len(range(0, -10, -1)))
print(5 in r, 6 in r, 20 in r, 2.0 in r, "x" in r)
print(r.index(8), r.count(8), r.count(9), r.start, r.stop, r.step)
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(1) != range(2))
print(range(10**20)[-1], 10**19 in range(10**20))
print(list(range(-5, 5, 4)), sum(range(101)), max(range(7)), list(reversed(range(3))))
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)))
for args in [(0, 10, 0), (1.5,), ("a",), ()]:
    try:
        range(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    range(3)[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r.index(9)
except ValueError as e:
    print(type(e).__name__, e)
print(range(0, 10)[2:8:2], range(10)[::-2], range(3, 0, -1)[5:])
