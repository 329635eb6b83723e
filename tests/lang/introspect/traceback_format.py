import traceback, sys
def f(x):
    return x[1] + 1 / 0
def g():
    d = {'a': 1}
    return f([1, 2]) * d['a']
try:
    g()
except Exception:
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exc().splitlines()[-1])
try:
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('bad') from e
except ValueError as e:
    for line in traceback.format_exception(e):
        print(line, end='')
    e.add_note('a note')
    print(traceback.format_exception_only(e))
try:
    try:
        1/0
    except ZeroDivisionError:
        int('x')
except ValueError as e:
    traceback.print_exception(e, file=sys.stdout)
def rec(n):
    if n == 0: raise RuntimeError('deep')
    rec(n - 1)
try: rec(10)
except RuntimeError: traceback.print_exc(file=sys.stdout)
try:
    raise ExceptionGroup('grp', [ValueError('v'), TypeError('t')])
except ExceptionGroup as e:
    traceback.print_exception(e, file=sys.stdout)
def h():
    return traceback.extract_stack()
s = h()
print([(fs.name, fs.lineno, fs.line) for fs in s])
print(traceback.format_list([('a.py', 3, 'fn', 'x = 1')]))
try:
    compile('x = (', 'zz.py', 'exec')
except SyntaxError as e:
    print(''.join(traceback.format_exception_only(e)))
te = traceback.TracebackException.from_exception(ValueError('q'))
print(list(te.format()))
print(repr(traceback.FrameSummary('f.py', 1, 'n', lookup_line=False)))
