class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "just str"
class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Both(%r)" % (self.v,)
    def __str__(self):
        return "<both %s>" % self.v
for o in (OnlyRepr(), Both("x"), Both(3)):
    print(o, str(o), repr(o), [o], (o,), {"k": o}, f"{o}", f"{o!r}", "%s|%r" % (o, o), "{}".format(o))
o = OnlyStr()
print(o, str(o), "{}".format(o), repr(o).startswith("<__main__.OnlyStr object at 0x"))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class Nested:
    def __repr__(self):
        return "N" + repr([Both(1)])
print(Nested(), repr(Nested))
