# LOAD_ATTR/STORE_ATTR specialised on one class, then objects of other classes,
# slots, attributes added/removed, class attributes modified after specialisation
class A:
    def __init__(self, v):
        self.v = v
class B:
    __slots__ = ('v',)
    def __init__(self, v):
        self.v = v
class C:
    v = 'class-level'

def get(o):
    return o.v

def put(o, x):
    o.v = x

objs = [A(i) for i in range(50)]
print(sum(get(o) for o in objs))
for o in objs:
    put(o, 1)
print(sum(get(o) for o in objs))
b = B(5)
print(get(b), [get(B(i)) for i in range(3)])
put(b, 7)
print(get(b))
c = C()
print(get(c))
c.v = 'instance'
print(get(c))
del c.v
print(get(c))
C.v = 'changed'
print(get(c), get(C()))
a = A(3)
del a.v
try:
    get(a)
except AttributeError as e:
    print('AttributeError', e)
A.v = property(lambda self: 'prop')
try:
    print(get(A(9)))
except AttributeError as e:
    print('AttributeError', e)
for i in range(30):
    x = get(objs[i % 5]) if i < 20 else get(b)
print(x)
