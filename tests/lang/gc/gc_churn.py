# Many short-lived cycles: automatic collections keep up and every weakref dies.
import gc
import weakref


class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


refs = []
for i in range(20000):
    a, b, c = Node(i), Node(i), Node(i)
    a.next, b.next, c.next = b, c, a
    if i % 1000 == 0:
        refs.append(weakref.ref(a))
    d = {"a": a}
    d["d"] = d
    l = [d]
    l.append(l)
del a, b, c, d, l
print(gc.get_stats()[0]["collections"] > 0)
gc.collect()
print(sum(1 for r in refs if r() is not None))
keep = []
for i in range(5000):
    n = Node(i)
    n.next = n
    keep.append(n)
gc.collect()
print(len(keep), all(k.next is k for k in keep))
keep.clear()
print(gc.collect() >= 4000)
