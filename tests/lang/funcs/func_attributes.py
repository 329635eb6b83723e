def top(a: int, b: str = "x") -> bool:
    "Top-level docstring."
    return True
class Outer:
    def method(self):
        def inner():
            pass
        return inner
    class Nested:
        def deep(self):
            pass
print(top.__name__, top.__qualname__, top.__doc__, top.__module__)
print(Outer.method.__name__, Outer.method.__qualname__)
print(Outer().method().__qualname__, Outer.Nested.deep.__qualname__, Outer.Nested.__qualname__)
lam = lambda x: x
print(lam.__name__, lam.__qualname__, (lambda: 0).__name__)
def factory():
    def made():
        pass
    return made
print(factory().__qualname__, factory.__defaults__, top.__defaults__)
top.__name__ = "renamed"
print(top.__name__, top.__qualname__)
top.custom = 42
print(top.custom, top.__dict__)
print(callable(top), type(top).__name__, type(Outer.method).__name__, type(Outer().method).__name__)
print(Outer().method.__name__, Outer().method.__func__ is Outer.method, Outer().method.__self__.__class__.__name__)
print(top.__code__.co_name, top.__code__.co_argcount, top.__code__.co_varnames[:2])
