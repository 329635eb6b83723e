print("before class")
class Demo:
    print("inside class body")
    x = 1
    y = x + 1
    for i in range(3):
        x += i
    del i
    def f(self):
        return self.x
    names = [k for k in ("a", "b")]
    print("end of body", x, y)
print(Demo.x, Demo.y, Demo().f(), Demo.names, hasattr(Demo, "i"))
def make_class(base_value):
    class Local:
        value = base_value
        def get(self):
            return self.value
    return Local
K1, K2 = make_class(1), make_class(2)
print(K1().get(), K2().get(), K1 is K2, K1.__qualname__)
Dyn = type("Dyn", (object,), {"z": 26, "hello": lambda self: "hi from Dyn"})
print(Dyn.z, Dyn().hello(), Dyn.__name__, type(Dyn).__name__)
class WithDoc:
    "docstring here"
print(WithDoc.__doc__)
