# sys.setprofile: call/return and c_call/c_return/c_exception events
import sys

events = []

def prof(frame, event, arg):
    if event.startswith('c_'):
        events.append((event, arg.__name__))
    else:
        events.append((event, frame.f_code.co_name))

def leaf(x):
    return len(x)

def work():
    s = leaf([1, 2, 3])
    try:
        int("x")
    except ValueError:
        pass
    l = []
    l.append(s)
    return l

sys.setprofile(prof)
work()
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())
