class Thing:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        pass
    @property
    def prop(self):
        return 0
t = Thing()
print(vars(t), t.__dict__ is vars(t))
print([n for n in dir(t) if not n.startswith("_")])
print([n for n in dir(Thing) if not n.startswith("_")])
t.c = 3
vars(t)["d"] = 4
print(t.d, sorted(vars(t)))
print("cls_attr" in vars(Thing), "a" in vars(Thing), type(vars(Thing)).__name__)
class Child(Thing):
    extra = True
print([n for n in dir(Child()) if not n.startswith("_")])
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
print(hasattr(t, "method"), hasattr(t, "prop"), hasattr(Thing, "a"))
