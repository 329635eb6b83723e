# contextlib.ExitStack: callbacks, pop_all, exception chaining and suppression
from contextlib import ExitStack, contextmanager


@contextmanager
def tag(name):
    print('enter', name)
    yield name
    print('exit', name)


with ExitStack() as st:
    st.callback(print, 'cb1')
    print(st.enter_context(tag('x')))
    st.push(lambda *a: print('push', a[0]))
print('---')
with ExitStack() as st:
    for n in 'abc':
        st.enter_context(tag(n))
print('---')
with ExitStack() as st:
    st.callback(print, 'not yet')
    keep = st.pop_all()
print('popped')
keep.close()
try:
    with ExitStack() as s:
        s.callback(lambda: 1 / 0)
        raise KeyError('k')
except ZeroDivisionError as e:
    print(type(e).__name__, type(e.__context__).__name__)
with ExitStack() as s:
    s.push(lambda et, ev, tb: True)
    raise ValueError('swallowed')
print('suppressed by callback')
try:
    ExitStack().enter_context(3)
except TypeError as e:
    print(e)
calls = []
with ExitStack() as s:
    s.callback(calls.append, 1)
    s.callback(calls.append, 2)
    f = s.callback(calls.append, 3)
print(calls, f is calls.append or f == calls.append)


class CM:
    def __enter__(self):
        return 'cm'

    def __exit__(self, *a):
        print('CM exit', a[0])


try:
    with ExitStack() as s:
        s.enter_context(CM())
        raise IndexError
except IndexError:
    print('IndexError propagated')
