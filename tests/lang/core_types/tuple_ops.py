t = (1, 2, 3, 2)
print(t, (), (5,), tuple(), tuple([1, 2]), tuple("ab"), len(t), t[1], t[-1], t[1:3], t[::-1])
print(t.count(2), t.index(3), t.index(2, 2), 2 in t, 9 not in t)
print(t + (4,), t * 2, 2 * (0,), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2))
a, b, *rest = t
print(a, b, rest)
x = 1, 2
print(x, type(x).__name__, (1) == 1, (1,) == 1)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(tuple()))
print(((1, 2), (3, (4, 5)))[1][1][0])
nested = ([1],)
nested[0].append(2)
print(nested)
for bad in ("assign", "hash", "index", "idx"):
    try:
        if bad == "assign":
            t[0] = 9
        elif bad == "hash":
            hash(([1],))
        elif bad == "index":
            t.index(9)
        else:
            t[10]
    except (TypeError, ValueError, IndexError) as e:
        print(bad, type(e).__name__, e)
try:
    t + [1]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(((2, "b"), (1, "z"), (2, "a"))), max((1, 2), (1, 3)))
