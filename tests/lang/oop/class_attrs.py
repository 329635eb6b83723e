class Counter:
    instances = 0
    kind = "counter"
    def __init__(self, name):
        self.name = name
        Counter.instances += 1
a = Counter("a")
b = Counter("b")
print(Counter.instances, a.instances, b.kind)
a.kind = "custom"
print(a.kind, b.kind, Counter.kind, "kind" in a.__dict__, "kind" in b.__dict__)
del a.kind
print(a.kind)
Counter.kind = "changed"
print(a.kind, b.kind)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(Shared.items, s1.items is s2.items)
print(a.__dict__, sorted(k for k in Counter.__dict__ if not k.startswith("__")))
print(Counter.__name__, Counter.__qualname__, Counter.__module__, type(a).__name__, a.__class__ is Counter)
try:
    a.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Counter.missing
except AttributeError as e:
    print(type(e).__name__, e)
setattr(Counter, "added", 99)
print(b.added, getattr(b, "nothing", "dflt"))
