# data descriptors, __getattr__/__getattribute__ added after specialisation,
# classes with metaclasses, class-level functions read through the class
class Obj:
    def __init__(self):
        self.a = 1
def read(o):
    return o.a
o = Obj()
print(sum(read(o) for _ in range(30)))
Obj.__getattribute__ = lambda self, name: 'intercepted'
print(read(o))
del Obj.__getattribute__
print(read(o))
Obj.a = property(lambda self: 'property wins')
print(read(o))
class Meta(type):
    @property
    def a(cls):
        return 'meta'
class WithMeta(metaclass=Meta):
    a = 'class'
print([read(WithMeta) for _ in range(20)][-1], read(Obj) is Obj.a)
class G:
    def __getattr__(self, name):
        return 'fallback-' + name
g = G()
print([read(g) for _ in range(20)][-1])
g.a = 'set'
print(read(g))
class H:
    def m(self):
        return 'm'
def viaclass():
    return H.m(H())
print([viaclass() for _ in range(20)][-1])
H.m = staticmethod(lambda x: 'static')
print(viaclass())
H.m = classmethod(lambda cls, x: cls.__name__)
print(viaclass())
