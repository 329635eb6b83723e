# traceback: stacks (extract_stack, format_stack, print_stack, walk_stack),
# StackSummary/FrameSummary, limits and recursion abbreviation
import sys, traceback

def a():
    return b()
def b():
    return traceback.extract_stack()
st = a()
print([(f.name, f.lineno, f.line) for f in st])
print(isinstance(st, traceback.StackSummary), len(st[-1]), st[-1][2])
def c():
    traceback.print_stack(file=sys.stdout)
    print(''.join(traceback.format_stack(limit=1)), end='')
c()
print([(f.f_code.co_name, n) for f, n in traceback.walk_stack(sys._getframe())][:1])
s = traceback.StackSummary.from_list([('f.py', 1, 'g', 'x()'), ('f.py', 2, 'h', None)])
print(s.format())
fs = traceback.FrameSummary('f.py', 3, 'n', line='  y = 2  ')
print(fs.line, fs == ('f.py', 3, 'n', 'y = 2'), list(fs), repr(fs))
def r(n):
    if n == 0:
        raise ValueError('bottom')
    return r(n - 1)
try:
    r(6)
except ValueError as e:
    tb = e.__traceback__
    lines = traceback.format_tb(tb)
    print(''.join(lines), end='')
    print(len(traceback.extract_tb(tb)), len(traceback.extract_tb(tb, limit=2)),
          [f.lineno for f in traceback.extract_tb(tb, limit=-2)])
    print([n for f, n in traceback.walk_tb(tb)])
    traceback.print_tb(tb, limit=1, file=sys.stdout)
    traceback.print_exception(ValueError, e, tb, limit=2, file=sys.stdout)
    print(traceback.format_exception(e, chain=False)[-1], end='')
try:
    x = None
    x.attr
except AttributeError:
    print(traceback.format_exc(limit=0), end='')
print(traceback.format_exception_only(ValueError, ValueError('v')), traceback.format_exception_only(KeyError()))
class Bad(Exception):
    def __str__(self):
        raise RuntimeError()
print(traceback.format_exception_only(Bad()))
try:
    traceback.format_exception(ValueError, ValueError())
except ValueError as e:
    print(e)
