a = [1, 2, 3]
tests = [
    lambda: a[3],
    lambda: a[-4],
    lambda: [][0],
    lambda: a.index(9),
    lambda: a.remove(9),
    lambda: [].pop(),
    lambda: a.pop(10),
    lambda: a["x"],
    lambda: a[1.0],
    lambda: a + (4,),
    lambda: a * 1.5,
    lambda: [3, "x"].sort(),
    lambda: sorted([1, None]),
    lambda: a < "x",
    lambda: hash(a),
    lambda: a.insert(0),
    lambda: list(5),
    lambda: {a: 1},
]
for t in tests:
    try:
        print(t())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a[5] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    del a[7]
except IndexError as e:
    print(type(e).__name__, e)
print(a)
