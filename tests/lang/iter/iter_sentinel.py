data = [3, 1, 4, 0, 5, 9]
pos = 0
def reader():
    global pos
    v = data[pos]
    pos += 1
    return v
print(list(iter(reader, 0)))
print(pos)
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
m = map(str, [1, 2])
print(iter(m) is m, next(m), list(m))
