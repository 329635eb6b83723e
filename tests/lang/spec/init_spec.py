# CALL_ALLOC_AND_ENTER_INIT: exceptions in __init__, __init__ replaced, __new__ added,
# subclasses, wrong argument counts
class A:
    def __init__(self, x):
        if x == 25:
            raise ValueError('bad x')
        self.x = x
made = []
for i in range(30):
    try:
        made.append(A(i).x)
    except ValueError as e:
        made.append(str(e))
print(made[24:27])
try:
    A()
except TypeError as e:
    print('TypeError', e)
class B(A):
    pass
print([B(i).x for i in range(20)][-1])
def new(cls, *a):
    obj = object.__new__(cls)
    obj.extra = 'from new'
    return obj
A.__new__ = new
a = A(3)
print(a.x, a.extra)
class C:
    def __init__(self, v):
        self.v = v
cs = [C(i) for i in range(20)]
C.__init__ = lambda self, v: setattr(self, 'v', -v)
print(cs[-1].v, C(5).v)
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
print(Deep(50).child.child is not None)
