print(True, False, repr(True), str(False), type(True).__name__)
print(True + True, True - False, True * 7, True / 2, False ** 0, -True, +True, ~False)
print(True == 1, False == 0, True > False, True < 2)
print(int(True), float(True), complex(True), bool(-1), bool(0.0), bool(0j), bool(""), bool(" "))
print(bool([]), bool([0]), bool(()), bool({}), bool({0: 0}), bool(set()), bool(range(0)), bool(range(1)))
print(bool(None), bool(bool), bool(b""), bool(b"\x00"))
print(True and 3, False and 3, True or 3, 0 or "x", "" or [] or 0, 1 and 2 and 3)
print(not True, not 0, not [], not "a", not None)
print(isinstance(True, int), issubclass(bool, int), bool.__mro__ if False else bool.__bases__)
print(sum([True, True, False, True]), [True] * 3, True in [1], hash(True), hash(False))
print(True & True, True | False, True ^ True, type(True & True).__name__, type(True + 1).__name__)
print(bool("False"), bool(), bool(1 == 1), str(True).upper(), f"{True}", f"{True:d}", "%d" % True)
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
