# copy: shallow and deep copies, memo, __copy__/__deepcopy__, reduce protocol
import copy
from collections import deque, OrderedDict, Counter, defaultdict, namedtuple
import functools

a = [1, [2, 3], {'k': (4, [5])}]
b = copy.copy(a)
c = copy.deepcopy(a)
print(b[1] is a[1], c[1] is a[1], c == a, c[2]['k'][1] is a[2]['k'][1])


class P:
    def __init__(self, x):
        self.x = x


p = P([1])
q = copy.copy(p)
r = copy.deepcopy(p)
print(q.x is p.x, r.x is p.x, r.x, type(r).__name__)


class Q:
    def __copy__(self):
        return 'copied'

    def __deepcopy__(self, memo):
        return 'deep'


print(copy.copy(Q()), copy.deepcopy(Q()))
l = [1]
l.append(l)
m = copy.deepcopy(l)
print(m[1] is m, m is not l)


class S:
    __slots__ = ('a', 'b')


s = S()
s.a = [1]
t = copy.deepcopy(s)
print(t.a, t.a is s.a, hasattr(t, 'b'))
print(copy.deepcopy(deque([1, [2]], maxlen=5)), copy.deepcopy(Counter('aab')), copy.deepcopy(defaultdict(list, {1: [2]})))
N = namedtuple('N', 'a b')
print(copy.deepcopy(N(1, [2])), copy.copy(N(1, 2)))
tup = (1, 2)
print(copy.copy(tup) is tup, copy.deepcopy(tup) is tup, copy.copy({1}), copy.deepcopy(frozenset([1])))
print(copy.deepcopy(functools.partial(max, 1)).args, copy.copy(len) is len, copy.deepcopy(P) is P)


class State:
    def __init__(self):
        self.v = 1

    def __getstate__(self):
        return {'v': self.v * 10}

    def __setstate__(self, st):
        self.v = st['v'] + 1


print(copy.copy(State()).v, copy.deepcopy(State()).v)


class Red:
    def __init__(self, a):
        self.a = a

    def __reduce__(self):
        return (Red, (self.a + 1,))


print(copy.copy(Red(1)).a, copy.deepcopy(Red([1])).a if False else copy.deepcopy(Red(5)).a)
shared = [0]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp[0] is cp[1], cp[0] is not shared)
memo = {}
copy.deepcopy(a, memo)
print(id(a) in memo, isinstance(copy.Error(), Exception), copy.error is copy.Error)


class Meth:
    def f(self):
        return self


bm = Meth().f
print(copy.deepcopy(bm).__func__ is Meth.f)
