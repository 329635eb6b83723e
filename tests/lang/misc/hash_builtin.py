print(hash(0), hash(1), hash(-1), hash(12345), hash(True), hash(False), hash(1.0), hash(0.5), hash(-2.5))
print(hash(2 ** 64) == hash(2 ** 64), hash((1, 2)) == hash((1, 2)), hash((1, "a")) == hash((1, "a")))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash("abc") == hash("ab" + "c"), hash(b"x") == hash(b"x"))
print(hash(None) == hash(None), hash(len) == hash(len), hash(range(3)) == hash(range(3)))
class H:
    def __hash__(self):
        return 42
class Big:
    def __hash__(self):
        return 2 ** 100
class BadHash:
    def __hash__(self):
        return "x"
print(hash(H()), hash(Big()) == hash(2 ** 100), type(hash(Big())).__name__)
for v in ([], {}, set(), bytearray(), ([1],), BadHash()):
    try:
        print(hash(v))
    except TypeError as e:
        print(type(e).__name__, e)
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print(type(e).__name__, e)
