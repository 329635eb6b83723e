# weakref.finalize: runs once, when the object dies or when called; detach / peek.
import weakref


class R:
    pass


r = R()
f = weakref.finalize(r, print, "finalized", 1, sep="-")
print(f.alive, f.atexit, f.peek()[1:3] == (print, ("finalized", 1)))
print(repr(f).startswith("<finalize object at 0x"), "; for 'R' at 0x" in repr(f))
del r
print(f.alive, f.peek(), f.detach(), f())
print(repr(f).endswith("; dead>"))

r2 = R()
f2 = weakref.finalize(r2, lambda *a, **k: ("ret", a, k), 1, k=2)
print(f2(), f2.alive, f2())
del r2

r3 = R()
f3 = weakref.finalize(r3, print, "never printed")
det = f3.detach()
print(det[0] is r3, det[1] is print, det[2], det[3], f3.alive, f3.detach())
del r3, det

order = []
objs = [R() for _ in range(3)]
fs = [weakref.finalize(o, order.append, i) for i, o in enumerate(objs)]
del objs[1]
objs.clear()
print(order, [x.alive for x in fs])

r4 = R()
f4 = weakref.finalize(r4, print, "not at exit")
f4.atexit = False
print(f4.atexit, f4.alive)
f4()
print(f4.alive)
