vals = [1, 1.0, 1j, True, None, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1),
        len, print, object(), type, int, lambda: 0, iter([]), (x for x in ""), NotImplemented, Ellipsis]
for v in vals:
    t = type(v)
    print(t.__name__, t)
print(type(type(1)), type(1) is int, type(1) == int, type(True) is bool, type(None) is type(None))
T = type("Made", (), {"a": 1})
print(T, T.__name__, T.a, type(T()), T.__bases__)
Sub = type("Sub", (T,), {})
print(Sub.__mro__, isinstance(Sub(), T))
for args in ((1, 2), ("X", 1, {}), ("X", (), []), ()):
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
