def kwo(a, *, b, c=3):
    return a, b, c
print(kwo(1, b=2), kwo(a=1, b=2, c=4))
def poso(a, b, /, c, *, d):
    return a, b, c, d
print(poso(1, 2, 3, d=4), poso(1, 2, c=3, d=4))
def pos_default(a, b=5, /):
    return a + b
print(pos_default(1), pos_default(1, 1))
def name_clash(name, /, **kw):
    return name, kw
print(name_clash("pos", name="kw"))
tests = [
    lambda: kwo(1, 2),
    lambda: kwo(1),
    lambda: poso(a=1, b=2, c=3, d=4),
    lambda: poso(1, 2, 3, 4),
    lambda: pos_default(b=1, a=2),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
print(kwo.__kwdefaults__, poso.__code__.co_posonlyargcount if hasattr(poso, "__code__") else 2, poso.__code__.co_kwonlyargcount)
