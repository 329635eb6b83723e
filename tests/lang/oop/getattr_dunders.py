class Dyn:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError("Dyn has no %r" % name)
d = Dyn()
print(d.real, d.auto_thing, getattr(d, "auto_x"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
try:
    d.nope
except AttributeError as e:
    print(type(e).__name__, e)
class Recorder:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
r = Recorder()
r.a = 1
r.b = [2]
del r.a
print(r.__dict__)
class Everything:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
e = Everything()
e.normal = 5
print(e.secret, e.normal)
class ReadOnly:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 1
ro = ReadOnly()
try:
    ro.y = 2
except AttributeError as e:
    print(type(e).__name__, e)
print(ro.x, hasattr(ro, "__dict__"))
