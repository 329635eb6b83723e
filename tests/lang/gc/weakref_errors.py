# Objects that cannot be weakly referenced, and __slots__ with / without __weakref__.
import weakref

for o in (1, 2.5, "s", b"b", (1,), [1], {}, None, True, 1j, range(3), bytearray()):
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)
    try:
        weakref.proxy(o)
    except TypeError as e:
        print(e)


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class Plain:
    pass


class Sub(Slotted):
    pass


try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)
sw = SlottedWeak()
print(weakref.ref(sw)() is sw)
print(weakref.ref(Sub()) is not None)
print(hasattr(Plain(), "__weakref__"), Plain().__weakref__)
p = Plain()
r = weakref.ref(p)
print(p.__weakref__ is r)


class MyList(list):
    pass


class MyErr(Exception):
    pass


ml = MyList([1, 2])
print(weakref.ref(ml)() == [1, 2])
e = MyErr("x")
print(weakref.ref(e)() is e)
try:
    weakref.ref(ValueError())
except TypeError as e:
    print(e)
