calls = []
def make_default(tag):
    calls.append(tag)
    return tag
def f(a=make_default("a"), b=make_default("b")):
    return a + b
print(calls)
print(f(), f("x"), calls)
def g(lst=[]):
    lst.append(len(lst))
    return lst
print(g(), g(), g([9]), g())
print(g.__defaults__)
class C:
    base = 5
    def m(self, v=base * 2):
        return v
print(C().m(), C().m(1))
def kwdefault(*, opt=make_default("kw")):
    return opt
print(kwdefault(), kwdefault.__kwdefaults__, calls)
