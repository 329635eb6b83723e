def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return "negative %d" % n
        case [a, b]:
            return "pair %r %r" % (a, b)
        case [first, *rest]:
            return "list starting %r, %d more" % (first, len(rest))
        case {"type": "point", "x": px, "y": py}:
            return "point at %r,%r" % (px, py)
        case str() as s:
            return "string " + s
        case None:
            return "none"
        case _:
            return "other " + type(x).__name__
for v in [0, 2, -7, [1, 2], [1, 2, 3, 4], {"type": "point", "x": 1, "y": 2, "z": 0}, "hi", None, 3.5, 99, []]:
    print(repr(v), "->", describe(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
for p in (Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1)):
    match p:
        case Point(0, 0):
            print("origin")
        case Point(0, y):
            print("on y axis", y)
        case Point(x=x, y=0):
            print("on x axis", x)
        case Point():
            print("elsewhere")
