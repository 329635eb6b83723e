# PEP 442: __del__ of objects in cycles runs once; resurrected objects survive.
import gc


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


gc.collect()
a, b = D("a"), D("b")
a.other, b.other = b, a
del a, b
print("collect found both:", gc.collect() >= 2)
print("second collect quiet:", gc.collect() >= 0)

saved = []


class Phoenix:
    deaths = 0

    def __del__(self):
        Phoenix.deaths += 1
        print("phoenix __del__", Phoenix.deaths)
        saved.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print(len(saved), Phoenix.deaths, gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("deaths after second death:", Phoenix.deaths)


class Once:
    def __del__(self):
        print("once __del__")
        keep.append(self)


keep = []
o = Once()
del o
print(len(keep), gc.is_finalized(keep[0]))
keep.clear()
print("no second __del__ above")


class Partner:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        # the partner is still intact while finalizers run
        print(self.name, "sees partner", self.partner.name)


x, y = Partner("x"), Partner("y")
x.partner, y.partner = y, x
del x, y
gc.collect()


class Reviver:
    def __del__(self):
        global revived
        revived = self.friend


class Friend:
    def __init__(self):
        self.data = [1, 2, 3]


r = Reviver()
r.friend = Friend()
r.friend.back = r
del r
gc.collect()
print("revived friend intact:", revived.data)
del revived
gc.collect()
print("end")
