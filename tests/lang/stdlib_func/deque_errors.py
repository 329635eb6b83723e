# collections.deque: errors and mutation during iteration
from collections import deque


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: deque().pop())
attempt(lambda: deque().popleft())
attempt(lambda: deque([1])[5])
attempt(lambda: deque([1])[-2])
attempt(lambda: deque([1, 2]).index(7))
attempt(lambda: deque([1, 2]).remove(7))
attempt(lambda: deque([1], maxlen=-1))
attempt(lambda: deque([1], maxlen=1).insert(0, 2))
attempt(lambda: deque([1])['a'])
attempt(lambda: hash(deque()))
attempt(lambda: deque([1]) + [2])
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
attempt(lambda: deque(1))
attempt(lambda: deque([1], 'x'))
