import inspect, sys
def f(a, b: int = 2, /, c=3, *args, d, e: str = 'x', **kw) -> bool:
    """Docstring.

        Indented line.
    """
    return True
class C:
    """Class doc."""
    def __init__(self, x, y=1): pass
    def m(self, z): return z
    @classmethod
    def cm(cls, q): pass
    @staticmethod
    def sm(r, s=2): pass
sig = inspect.signature(f)
print(sig, repr(sig))
for p in sig.parameters.values():
    print(p.name, p.kind, p.default, p.annotation, repr(p))
print(inspect.signature(C), inspect.signature(C(1).m), inspect.signature(C.cm), inspect.signature(C.sm))
print(inspect.signature(lambda x, *, y=1: 0))
b = sig.bind(1, 2, 3, 4, d=5, z=6)
print(b.arguments, b.args, b.kwargs)
try: sig.bind(1)
except TypeError as e: print(e)
try: inspect.signature(f).bind(1, 2, 3, d=1, c=2)
except TypeError as e: print(e)
print(inspect.getdoc(f))
print(inspect.cleandoc('  a\n    b\n  c\n'))
print(inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C(1).m), inspect.isbuiltin(len), inspect.isroutine(len))
def gen(): yield 1
async def co(): pass
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.iscoroutinefunction(co))
print(inspect.getsource(C.m), end='')
print(inspect.getsource(f), end='')
print(inspect.getsourcelines(C)[1])
print(inspect.getsource(C), end='')
fr = inspect.currentframe()
print(fr.f_code.co_name, inspect.getframeinfo(fr).lineno, inspect.getframeinfo(fr).code_context)
def outer(): return inspect.stack()
st = outer()
print([(s.function, s.lineno, s.code_context) for s in st])
print([n for n, v in inspect.getmembers(C) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(C, inspect.isfunction)])
import functools
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k): return fn(*a, **k)
    return w
@deco
def wrapped(p, q=1): pass
print(inspect.signature(wrapped), inspect.unwrap(wrapped) is wrapped.__wrapped__)
print(inspect.getfullargspec(f))
print(inspect.Parameter('x', inspect.Parameter.KEYWORD_ONLY, default=None))
print(inspect.getmodule(f).__name__, inspect.getfile(f) == __file__)
print(inspect.Signature([inspect.Parameter('a', inspect.Parameter.POSITIONAL_ONLY)]))
try: inspect.Signature([inspect.Parameter('a', 1, default=1), inspect.Parameter('b', 1)])
except ValueError as e: print(e)
print(inspect.signature(functools.partial(f, 1, 2)))
