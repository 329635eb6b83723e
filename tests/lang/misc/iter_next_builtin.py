it = iter([10, 20])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
d = iter({"a": 1, "b": 2})
print(next(d), list(d))
s = iter("xy")
print(next(s), next(s), next(s, "!"))
r = iter(range(3))
print(list(r))
t = iter((1,))
print(next(t))
print(list(iter({1})), list(iter({5: 6}.items())), list(iter(b"AB")))
class Gen:
    def __init__(self):
        self.i = 0
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i
    def __iter__(self):
        return self
print(list(Gen()), next(Gen()), next(iter(Gen())))
