# functools.singledispatch and singledispatchmethod
from functools import singledispatch, singledispatchmethod
from collections.abc import Sequence, Mapping


@singledispatch
def show(x):
    return 'obj'


@show.register
def _(x: int):
    return 'int'


@show.register(list)
def _(x):
    return 'list'


@show.register
def _(x: float | str):
    return 'float|str'


print(show(1), show([]), show(1.5), show('s'), show(None), show(True))


@show.register(Sequence)
def _(x):
    return 'seq'


@show.register(Mapping)
def _(x):
    return 'map'


print(show((1,)), show([1]), show({}), show(range(2)))
print(show.dispatch(bool).__name__, sorted(k.__name__ for k in show.registry))
try:
    show()
except TypeError as e:
    print(e)
try:
    @show.register
    def _(x):
        pass
except TypeError as e:
    print(str(e).split(':')[0])


class A:
    pass


class B(A):
    pass


@singledispatch
def kind(x):
    return 'base'


kind.register(A, lambda x: 'A')
print(kind(B()), kind(A()), kind(1))


class C:
    @singledispatchmethod
    def m(self, x):
        return 'base'

    @m.register
    def _(self, x: int):
        return 'int'

    @m.register(str)
    def _(self, x):
        return 'str ' + x

    @singledispatchmethod
    @classmethod
    def cm(cls, x):
        return 'cls base'

    @cm.register
    @classmethod
    def _(cls, x: int):
        return 'cls int'


c = C()
print(c.m(1), c.m('a'), c.m(2.0), C.cm(1), C.cm('x'))
