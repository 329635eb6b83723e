# WeakKeyDictionary: entries vanish with their keys.
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "K(%d)" % self.n


wk = weakref.WeakKeyDictionary()
ks = [K(i) for i in range(4)]
for k in ks:
    wk[k] = k.n * 10
print(len(wk), wk[ks[2]], ks[1] in wk, 5 in wk, K(1) in wk, sorted(wk.values()))
del ks[0]
print(len(wk), sorted(k.n for k in wk.keys()))
print(wk.get(ks[0]), wk.pop(ks[0]), len(wk), wk.get(ks[0], "none"))
print(wk.setdefault(ks[1], "new"), wk[ks[1]])
del wk[ks[1]]
try:
    wk[ks[1]]
except KeyError:
    print("KeyError")
print(sorted(v for k, v in wk.items()), len(wk.keyrefs()))
c = wk.copy()
ks.clear()
print(len(wk), list(wk.items()), len(c))
print(repr(wk).startswith("<WeakKeyDictionary at 0x"))
a, b = K(1), K(2)
w2 = weakref.WeakKeyDictionary({a: 1, b: 2})
print(len(w2))
del a
print([k.n for k in w2])
