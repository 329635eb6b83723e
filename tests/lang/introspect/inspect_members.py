# inspect predicates, getmembers, getattr_static, unwrap, getfullargspec
import inspect, functools

class A:
    cls_attr = 1
    def method(self): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
    @property
    def prop(self): return 5
    def __init__(self):
        self.inst = 2
def fn(): pass
def gen(): yield
async def coro(): pass
a = A()
for name, obj in [('fn', fn), ('A', A), ('a.method', a.method), ('A.method', A.method),
                  ('len', len), ('gen', gen), ('gen()', gen()), ('coro', coro),
                  ('A.prop', A.__dict__['prop']), ('[].append', [].append), ('inspect', inspect)]:
    print(name, inspect.isfunction(obj), inspect.ismethod(obj), inspect.isclass(obj),
          inspect.isbuiltin(obj), inspect.isroutine(obj), inspect.ismodule(obj),
          inspect.isgeneratorfunction(obj), inspect.isgenerator(obj),
          inspect.iscoroutinefunction(obj), inspect.isdatadescriptor(obj))
c = coro()
print(inspect.iscoroutine(c), inspect.isawaitable(c))
c.close()
print([n for n, v in inspect.getmembers(a) if not n.startswith('_')])
print([n for n, v in inspect.getmembers(A, inspect.isfunction)])
print(inspect.getattr_static(a, 'inst'), type(inspect.getattr_static(A, 'prop')).__name__,
      type(inspect.getattr_static(A, 'sm')).__name__, inspect.getattr_static(a, 'nope', 'dflt'))
try:
    inspect.getattr_static(a, 'nope')
except AttributeError as e:
    print('AttributeError', e)
def deco(f):
    @functools.wraps(f)
    def w(*args):
        return f(*args)
    return w
@deco
@deco
def target(a, b): pass
print(inspect.unwrap(target).__name__, inspect.unwrap(target) is target.__wrapped__.__wrapped__)
print(inspect.unwrap(target, stop=lambda f: f is target.__wrapped__) is target.__wrapped__)
print(inspect.getfullargspec(lambda a, b=1, *c, d, e=2, **f: 0))
print(inspect.isabstract(A), inspect.isclass(int), inspect.ismethoddescriptor(str.upper))
