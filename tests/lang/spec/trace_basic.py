# sys.settrace: call/line/return/exception events of simple functions and loops
import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return' or event == 'call':
        arg = repr(arg)
    else:
        arg = None
    events.append((name, event, frame.f_lineno - frame.f_code.co_firstlineno, arg))
    return tracer

def add(a, b):
    c = a + b
    return c

def loop(n):
    total = 0
    for i in range(n):
        total += add(i, 1)
    while n > 0:
        n -= 1
    return total

def fails():
    x = 1
    raise ValueError("boom")

def catches():
    try:
        fails()
    except ValueError:
        y = 2
    return y

def gen(n):
    for i in range(n):
        yield i

sys.settrace(tracer)
loop(2)
catches()
list(gen(2))
sys.settrace(None)
for e in events:
    print(e)
print(sys.gettrace())
