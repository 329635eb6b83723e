def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("ret", result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))
def first(fn):
    print("decorating with first")
    return lambda: "first(" + fn() + ")"
def second(fn):
    print("decorating with second")
    return lambda: "second(" + fn() + ")"
@first
@second
def base():
    return "base"
print(base())
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return 1
print(list(registry), alpha())
def cls_deco(cls):
    cls.tag = "decorated"
    return cls
@cls_deco
class T:
    pass
print(T.tag)
