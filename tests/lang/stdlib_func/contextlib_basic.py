# oracle: python3.12
# contextlib: contextmanager, suppress, closing, nullcontext, redirect_stdout, ContextDecorator
from contextlib import contextmanager, suppress, closing, nullcontext, redirect_stdout, redirect_stderr
from contextlib import ContextDecorator, AbstractContextManager
import io
import sys


@contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name.upper()
    finally:
        print('</' + name + '>')


with tag('a') as t:
    print('in', t)
try:
    with tag('b'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print('swallowed')


with swallow():
    raise KeyError(1)
print('after')


@tag('deco')
def f():
    print('body')


f()
f()
with suppress(ZeroDivisionError):
    1 / 0
print('suppressed')
with suppress():
    pass
try:
    with suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as e:
    print(e)


class R:
    def close(self):
        print('closed')


with closing(R()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
with nullcontext() as v:
    print(v)
buf = io.StringIO()
with redirect_stdout(buf):
    print('hidden')
print(repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print('to err', file=sys.stderr)
print(repr(err.getvalue()))


class M(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *a):
        print('exit')
        return False


@M()
def g():
    print('g')


g()
print(isinstance(tag('q'), AbstractContextManager), issubclass(type(open), AbstractContextManager))


@contextmanager
def noyield():
    if False:
        yield


try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)


@contextmanager
def twice():
    yield
    yield


try:
    with twice():
        pass
except RuntimeError as e:
    print(e)


@contextmanager
def reraise():
    try:
        yield
    except ValueError:
        raise TypeError('converted')


try:
    with reraise():
        raise ValueError
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
with suppress(ValueError):
    raise ExceptionGroup('eg', [ValueError(1), ValueError(2)])
print('group suppressed')
