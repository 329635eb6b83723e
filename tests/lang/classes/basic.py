class Point:
    """A point."""
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def dist2(self):
        return self.x ** 2 + self.y ** 2
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @staticmethod
    def describe():
        return "2D point"
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p == Point(1, 2), p != q, p.dist2(), Point.count)
print(Point.origin(), Point.describe(), p.norm1, Point.__doc__, Point.__name__)
print({p, Point(1, 2)}, len({p, Point(1, 2), q}))
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"
    def dist2(self):
        return super().dist2() + self.z ** 2
r = Point3(1, 2, 3)
print(r, r.dist2(), isinstance(r, Point), issubclass(Point3, Point), type(r).__name__)
print(Point3.__mro__ == (Point3, Point, object), Point3.__bases__[0].__name__)
print(hasattr(r, "z"), getattr(r, "w", "none"), vars(p))
setattr(p, "w", 9)
print(p.w, p.__dict__)
del p.w
print(hasattr(p, "w"))
class Empty:
    pass
e = Empty()
e.attr = 1
print(e.attr, type(e) is Empty, Empty.__qualname__)
try:
    e.missing
except AttributeError as ex:
    print(ex)
class Base:
    def hello(self):
        return "base " + self.name()
    def name(self):
        return "Base"
class Derived(Base):
    def name(self):
        return "Derived"
print(Derived().hello(), Base().hello())
