"""module doc"""
print(__doc__)
class C:
    def f(self, *, __x=1): return __x
    __y: int = 2
print(C().f(), C.f.__kwdefaults__, C.__annotations__)
def f():
    x = 1
    class K:
        nonlocal x
        x = 2
    return x
print(f())
class G:
    global gg
    gg = "set in class"
print(gg)
def gen_in_try():
    try:
        yield 1
        return
    finally:
        print("cleanup")
print(list(gen_in_try()))
def ret_in_with_gen():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a): print("exit"); return False
    with CM():
        yield "a"
        return
print(list(ret_in_with_gen()))
x = [lambda: i for i in range(3)]
print([fn() for fn in x])
def kw(a, b=2, /, c=3, *, d, e=5, **rest): return a, b, c, d, e, rest
print(kw(1, d=4, z=9), kw.__defaults__, kw.__kwdefaults__, kw.__code__.co_varnames, kw.__code__.co_argcount, kw.__code__.co_posonlyargcount, kw.__code__.co_kwonlyargcount)
print(kw.__code__.co_flags, (lambda: 0).__code__.co_flags, f.__code__.co_cellvars, kw.__code__.co_nlocals)
def outer():
    a = 1
    def mid():
        def inner(): return a
        return inner
    return mid
print(outer().__code__.co_freevars, outer()().__code__.co_freevars, outer.__code__.co_cellvars)
print(t.__name__ if (t := type) else 0)
