# oracle: python3.12
# 3.12 names the deque iterator types collections._deque_iterator
from collections import deque

print(type(iter(deque())), type(reversed(deque())))
it = iter(deque('abc'))
print(it.__length_hint__(), next(it), it.__length_hint__())
