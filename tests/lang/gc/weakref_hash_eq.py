# Equality and hashing of weak references follow their referents while alive.
import weakref


class P:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, P) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


a, b, c = P(1), P(1), P(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print(ra == rb, ra != rb, ra == rc, ra != rc)
print(hash(ra) == hash(1), hash(ra) == hash(rb))
print(ra == a, ra.__eq__(a))
d = {ra: "a"}
print(d[rb])
h = hash(rc)
del c
print(rc == rc, rc == ra, rc != ra, hash(rc) == h)
x = P(3)
rx = weakref.ref(x)
del x
try:
    hash(rx)
except TypeError as e:
    print("TypeError:", e)
rb2 = weakref.ref(b, lambda r: None)
print(rb2 == rb, rb2 is rb)
del a, b
print(ra == rb, ra == ra)
