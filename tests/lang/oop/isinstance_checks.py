class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(A, A), issubclass(bool, (str, int)))
print(isinstance(1, int), isinstance(1.0, (int, float)), isinstance("s", str), isinstance([], list), isinstance((), tuple))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(A, type), type(A) is type, type(type) is type)
print(isinstance(b, (int, (str, (A,)))), issubclass(int, object), issubclass(type, object), isinstance(object, type))
print(type(b) is B, type(b) == A, type(b).__mro__[1] is A)
for bad in ((1, 1), (1, "int"), (1, [int])):
    try:
        isinstance(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool), issubclass(bool, object))
print([isinstance(x, (int, str)) for x in (1, "a", 1.5, True, None)])
