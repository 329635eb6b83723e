# collections.namedtuple: fields, defaults, _make/_replace/_asdict, errors
from collections import namedtuple

Point = namedtuple('Point', 'x y', defaults=[0])
p = Point(1)
print(p, p._fields, p._replace(y=5), p._asdict(), Point._make([3, 4]))
print(Point._field_defaults, p.x, p[1], Point.__doc__, Point.x.__doc__)
print(Point.__new__.__doc__, Point.__module__, Point.__name__, Point.__qualname__)
print(p == (1, 0), hash(p) == hash((1, 0)), isinstance(p, tuple), len(p), p + (9,))
x, y = Point(7, 8)
print(x, y, Point(y=2, x=1), Point.__match_args__)
try:
    Point(1, 2, 3)
except TypeError as ex:
    print('TypeError')
try:
    Point._make([1])
except TypeError as ex:
    print(ex)
try:
    p._replace(z=1)
except ValueError as ex:
    print(ex)
for bad in ['A', 'x _y'], ['A', 'x x'], ['A', 'def'], ['1A', 'x'], ['A', 'x-y']:
    try:
        namedtuple(*bad)
    except ValueError as ex:
        print(ex)
try:
    namedtuple('A', 'x', defaults=[1, 2])
except TypeError as ex:
    print(ex)
print(namedtuple('B', 'a def _c a', rename=True)._fields)
print(namedtuple('C', ['a', 'b'], module='mymod').__module__)
Empty = namedtuple('Empty', '')
print(Empty(), Empty._fields)
One = namedtuple('One', 'v')
print(One(1), One(v=[1]))
Three = namedtuple('Three', 'a, b, c')
t = Three(1, 2, c=3)
print(t, t._asdict(), vars(type(t)).get('__slots__'))


class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()

    def norm2(self):
        return self.x ** 2 + self.y ** 2


print(Vec(3, 4).norm2(), Vec(3, 4))
match Point(1, 2):
    case Point(a, b):
        print('matched', a, b)
try:
    p.x = 5
except AttributeError:
    print('AttributeError')
