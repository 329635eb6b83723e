# WeakSet: members vanish when they die.
import weakref


class K:
    def __init__(self, n):
        self.n = n


ws = weakref.WeakSet()
items = [K(i) for i in range(4)]
for it in items:
    ws.add(it)
del it
ws.add(items[0])
print(len(ws), items[1] in ws, K(9) in ws, 3 in ws)
items.pop()
print(len(ws), sorted(i.n for i in ws))
ws.discard(items[0])
ws.discard(K(7))
print(len(ws))
ws.remove(items[1])
try:
    ws.remove(items[1])
except KeyError:
    print("KeyError")
other = weakref.WeakSet(items)
print(len(ws | other), len(ws & other), len(other - ws), ws <= other, other >= ws, ws == other)
print(len(ws.copy()), bool(ws))
x = ws.pop()
print(x is items[2], len(ws))
try:
    ws.pop()
except KeyError as e:
    print("KeyError", e)
items.clear()
print(len(other), [k.n for k in other], bool(other))
