# CALL specialisations: Python functions, bound methods, classes with __init__,
# builtins, C methods; then the callee changes shape or identity
def add(a, b):
    return a + b
def run(f):
    return [f(i, 1) for i in range(20)][-1]
print(run(add))
add.__defaults__ = (5,)
print(run(add))
def add3(a, b, c=0):
    return a + b + c
print(run(add3))
add.__code__ = add3.__code__
print(run(add))
class P:
    def __init__(self, x):
        self.x = x
    def m(self, y):
        return self.x + y
ps = [P(i) for i in range(30)]
print(sum(p.m(1) for p in ps))
bm = ps[3].m
print([bm(i) for i in range(20)][-1])
def init2(self, x):
    self.x = x * 100
P.__init__ = init2
print([P(i).x for i in range(20)][-1])
class Bad:
    def __init__(self):
        return 1
for i in range(20):
    try:
        Bad()
    except TypeError as e:
        msg = str(e)
print(msg)
print([len(str(i)) + int(i * 1.5) for i in range(20)][-1], [type(i) for i in (1, 'a')])
print([isinstance(i, int) for i in (1, 'a', True)])
acc = []
for i in range(30):
    acc.append(i)
    acc.extend([i])
print(len(acc), [str(i).upper() for i in range(12)][-1], ', '.join(['a', 'b']).split(', '))
def kw(a, b=2, *, c=3):
    return a + b + c
print([kw(i, c=1) for i in range(20)][-1])
class Slotted:
    __slots__ = ('a',)
    def __init__(self, a):
        self.a = a
print(sum(Slotted(i).a for i in range(30)))
def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
print(rec(500))
