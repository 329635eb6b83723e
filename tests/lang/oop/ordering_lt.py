class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, other):
        return self.parts < other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "0.9.9", "1.2.1", "2.0"]]
print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True)[0])
print(Version("1.0") < Version("1.1"), Version("2.0") > Version("1.9"), Version("1.0") == Version("1.0"))
try:
    Version("1.0") <= Version("1.0")
except TypeError as e:
    print(type(e).__name__, e)
class Full:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v); return self.v < o.v
    def __le__(self, o):
        print("le", self.v, o.v); return self.v <= o.v
    def __gt__(self, o):
        print("gt", self.v, o.v); return self.v > o.v
    def __ge__(self, o):
        print("ge", self.v, o.v); return self.v >= o.v
a, b = Full(1), Full(2)
print(a < b, a <= b, a > b, a >= b)
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        return self.v > o.v
print(OnlyGt(1) < OnlyGt(2))
try:
    Full(1) < 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object() < object()
except TypeError as e:
    print(type(e).__name__, e)
