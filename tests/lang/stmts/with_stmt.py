class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with CM("x") as x, CM("y") as y:
    print("both", x, y)
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        print("second iteration")
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
