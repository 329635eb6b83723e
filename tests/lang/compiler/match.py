class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def m(p):
    match p:
        case 0 | 1:
            return "small"
        case -1:
            return "neg one"
        case 1+2j:
            return "complex"
        case [x, y, *rest] if x > 10:
            return f"big seq {x} {y} {rest}"
        case [x, *_, z]:
            return f"seq {x} {z}"
        case {"k": v, **kw}:
            return f"map {v} {kw}"
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return f"axis {yy}"
        case Point(a, b):
            return f"point {a} {b}"
        case str() as s:
            return f"str {s}"
        case None:
            return "none"
        case True:
            return "true"
        case {"a": 1}:
            return "a1"
        case (1, (2, q)):
            return f"nested {q}"
        case _:
            return "other"
for v in [0, 1, -1, 1+2j, [11, 2, 3, 4], [1, 2, 3], [5, 6], {"k": 1, "j": 2}, Point(0, 5), Point(3, 0), Point(2, 3), "hi", None, True, {"a": 1}, (1, (2, 9)), 3.5, [1]]:
    print(m(v))
match 5:
    case x:
        print("captured", x)
match [1, 2]:
    case [a, b] if a > b:
        print("gt")
    case [a, b]:
        print("le", a, b)
