s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(-100, 100).indices(3))
data = list(range(12))
print(data[s], "abcdefghijkl"[s], tuple(data)[s], data[slice(None, None, -4)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
class Show:
    def __getitem__(self, key):
        return key
x = Show()
print(x[1:2], x[::3], x[:], x[1:2, 3], x[..., 1], x[1], x["k"], x[:, :])
try:
    slice(0, 5, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    data[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    data["a":"b"]
except TypeError as e:
    print(type(e).__name__, e)
print(Ellipsis, ..., type(...).__name__, ... is Ellipsis)
