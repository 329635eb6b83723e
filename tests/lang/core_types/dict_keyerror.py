d = {"a": 1, 2: "two", (1, 2): "t"}
for key in ["missing", 5, (3, 4), None, "", "quote'd", 1.5, ("x",)]:
    try:
        d[key]
    except KeyError as e:
        print(type(e).__name__, e, repr(e), e.args)
try:
    del d["nope"]
except KeyError as e:
    print("del", e)
try:
    d.pop("gone")
except KeyError as e:
    print("pop", e)
print(d.pop("gone", "default"), d.get("gone"), d.get("gone", 0))
try:
    {}.popitem()
except KeyError as e:
    print("popitem", e)
try:
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    d[{}]
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(KeyError("x"), LookupError), str(KeyError()), str(KeyError(1, 2)))
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m["a"], m["zz"], m.get("zz"), m)
