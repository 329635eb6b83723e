# Reference counting frees objects the moment they become unreachable: __del__
# output order when dropping names, containers and frames matches CPython.
class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def scope():
    a = D("a")
    b = D("b")
    c = D("c")
    print("leaving scope")


scope()
x = D("x")
x = None
print("after rebind")
l = [D("l0"), D("l1"), D("l2")]
del l
print("after list")
d = {"k1": D("d1"), "k2": D("d2")}
del d
d = {"k1": D("c1"), "k2": D("c2")}
d.clear()
print("after dict")
s = [D("s0"), D("s1")]
s.pop(0)
s[0] = None
print("after pop")


class Holder:
    def __init__(self):
        self.p = D("attr-p")
        self.q = D("attr-q")

    def __del__(self):
        print("del holder")


h = Holder()
del h
print("after holder")


def raiser():
    z = D("frame-local")
    raise ValueError


try:
    raiser()
except ValueError:
    print("caught")
print("after except")
y = D("y1")
y = D("y2")
print("after second rebind")
del y
nested = [[D("n0")], {"k": D("n1")}]
nested = None
print("end")
