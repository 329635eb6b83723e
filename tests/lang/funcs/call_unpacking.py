def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), *"ab"))
print(f(**{"a": 1}, **{"b": 2}))
print(f(1, *[2, 3], 4, *range(2), k=1, **{"m": 2}))
print(f(*{"x": 1}), f(*{7}), f(*iter([8, 9])))
def gen():
    yield 1
    yield 2
print(f(*gen()))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
class Mapping:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(f(**Mapping()), dict(**Mapping()) if False else dict(Mapping()))
