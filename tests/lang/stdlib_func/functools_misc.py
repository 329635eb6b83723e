# functools: wraps, update_wrapper, total_ordering, reduce, cmp_to_key, cached_property
import functools
import operator
from functools import wraps, total_ordering, reduce, cmp_to_key, cached_property, update_wrapper


def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner


@deco
def hello(x: int) -> str:
    "doc string"
    return str(x)


print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__annotations__, hello.__qualname__)


def plain():
    pass


plain.extra = 1


def wrapper():
    pass


update_wrapper(wrapper, plain)
print(wrapper.__name__, wrapper.extra, wrapper.__wrapped__ is plain, functools.WRAPPER_UPDATES)


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(1), V.__ge__.__name__)


@total_ordering
class G:
    def __init__(self, v):
        self.v = v

    def __gt__(self, o):
        return self.v > o.v


print(G(1) < G(2), G(2) <= G(1))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(e)
print(reduce(operator.add, [1, 2, 3]), reduce(lambda a, b: a * b, [], 7), reduce(operator.add, 'abc', '>'))
for args in ([operator.add, []], [operator.add, 5]):
    try:
        reduce(*args)
    except TypeError as e:
        print(e)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4), K(5).obj)


class C:
    calls = 0

    @cached_property
    def val(self):
        C.calls += 1
        return 42


c = C()
print(c.val, c.val, C.calls, 'val' in c.__dict__, type(C.val).__name__)
del c.val
print(c.val, C.calls)


class Slotted:
    __slots__ = ('a',)

    @cached_property
    def p(self):
        return 1


try:
    Slotted().p
except TypeError as e:
    print(e)
