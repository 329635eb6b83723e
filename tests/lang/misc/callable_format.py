class C:
    def __call__(self):
        return 1
    def m(self):
        pass
print(callable(len), callable(C), callable(C()), callable(C().m), callable(lambda: 0), callable(1), callable("s"), callable(None), callable(type))
print(format(3.14159, ".2f"), format(42), format(42, "08b"), format("s", ">4"), format(True), format(None), format([1, 2]))
print(format(1234567, ","), format(0.25, "%"), format(-5, "+"), format(255, "#x"), format(1e10, "g"), format(1j))
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
print(format(F()), format(F(), "abc"), f"{F():xyz}", "{:q}".format(F()))
class NoFormat:
    pass
print(format(NoFormat(), "") .startswith("<__main__.NoFormat object"))
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return 5
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
