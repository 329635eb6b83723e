# Reference cycles through every kind of container are found and freed.
import gc
import weakref


class Obj:
    pass


def check(name, make):
    gc.collect()
    probe = Obj()
    w = weakref.ref(probe)
    make(probe)
    del probe
    alive_before = w() is not None
    n = gc.collect()
    print(name, alive_before, w() is None, n >= 1)


def list_cycle(p):
    l = [p]
    l.append(l)


def dict_cycle(p):
    d = {"p": p}
    d["self"] = d


def instance_cycle(p):
    a, b = Obj(), Obj()
    a.b, b.a, a.p = b, a, p


def self_cycle(p):
    p.me = p


def tuple_cycle(p):
    l = []
    t = (l, p)
    l.append(t)


def set_cycle(p):
    o = Obj()
    s = {o}
    o.s = s
    o.p = p


def closure_cycle(p):
    def f():
        return f, p
    return None


def method_cycle(p):
    p.m = p.__init__


def class_cycle(p):
    class Local:
        ref = p
    Local.me = Local


def frozenset_cycle(p):
    o = Obj()
    o.fs = frozenset([o])
    o.p = p


def slots_cycle(p):
    class S:
        __slots__ = ("other", "p")
    s1, s2 = S(), S()
    s1.other, s2.other, s1.p = s2, s1, p


def list_subclass_cycle(p):
    class L(list):
        pass
    l = L([p])
    l.append(l)


def dict_subclass_cycle(p):
    class D(dict):
        pass
    d = D(p=p)
    d["d"] = d


def exception_cycle(p):
    try:
        raise ValueError("x")
    except ValueError as e:
        e.p = p
        e.me = e


for name, fn in list(globals().items()):
    if name.endswith("_cycle"):
        check(name, fn)
