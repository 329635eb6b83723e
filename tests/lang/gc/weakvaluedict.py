# WeakValueDictionary: entries vanish with their values.
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "K(%d)" % self.n


d = weakref.WeakValueDictionary()
objs = [K(i) for i in range(5)]
for o in objs:
    d[o.n] = o
print(len(d), sorted(d.keys()), 3 in d, d[3], d.get(9, "dflt"), 9 in d)
del objs[3]
print(len(d), 3 in d, sorted(d), d.get(3))
try:
    d[3]
except KeyError as e:
    print("KeyError", e)
print(sorted(v.n for v in d.values()), sorted(k for k, v in d.items()))
x = K(10)
print(d.setdefault(10, x) is x, d.setdefault(10, K(11)) is x)
print(d.pop(10), 10 in d, d.pop(10, "gone"))
try:
    d.pop(10)
except KeyError as e:
    print("KeyError", e)
d.update({20: objs[0]}, y=objs[1])
print(sorted(map(str, d.keys())))
c = d.copy()
print(type(c).__name__, len(c) == len(d))
k, v = d.popitem()
print(k not in d, len(d))
if 0 in d:
    del d[0]
objs.clear()
print(len(d), list(d.items()), len(c))
print(repr(d).startswith("<WeakValueDictionary at 0x"))
e = weakref.WeakValueDictionary(a=K(1))
print(len(e))
keep = K(5)
e["k"] = keep
e["k"] = keep
print(len(e), e["k"])
print(len(e.valuerefs()), e.valuerefs()[0]() is keep)
