class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)
class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c), [x * 10 for x in c], sum(c), 2 in c, max(c), sorted(c))
it = iter(c)
print(next(it), next(it), next(it), next(it, "end"))
a, b, cc = Countdown(3)
print(a, b, cc)
print(dict(zip(Countdown(2), "xy")), list(enumerate(Countdown(2), 1)), tuple(Countdown(1)))
class NotIter:
    pass
for obj in (NotIter(), 5):
    try:
        iter(obj)
    except TypeError as e:
        print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
