# settrace: exceptions through frames, generators (call/return on resume/yield), f_trace per frame
import sys

log = []

def local(frame, event, arg):
    if event == 'exception':
        log.append((frame.f_code.co_name, event, arg[0].__name__, frame.f_lineno))
    else:
        log.append((frame.f_code.co_name, event, frame.f_lineno))
    return local

def glob(frame, event, arg):
    log.append((frame.f_code.co_name, 'global-' + event, frame.f_lineno))
    if frame.f_code.co_name == 'skipped':
        return None
    return local

def inner(n):
    if n == 0:
        raise KeyError(n)
    return inner(n - 1)

def outer():
    try:
        inner(2)
    except KeyError as e:
        return 'caught'

def skipped():
    a = 1
    b = 2
    return a + b

def counter():
    yield 1
    yield 2

sys.settrace(glob)
outer()
skipped()
for v in counter():
    pass
sys.settrace(None)
for e in log:
    print(e)
