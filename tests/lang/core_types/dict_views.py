d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), "a" in k, 1 in v, ("a", 1) in i, ("a", 2) in i)
d["d"] = 4
print(list(k), list(v), list(i))
print(k == {"a", "b", "c", "d"}, sorted(k & {"a", "z"}), sorted(k | {"e"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(i & {("b", 2), ("x", 0)}), k.isdisjoint({"y"}))
del d["a"]
print(list(k), list(reversed(k)), list(reversed(v)))
print(type(k).__name__, type(v).__name__, type(i).__name__)
e = {1: "x", 2: "y"}
for key, val in e.items():
    print(key, val)
print(v == v, list(e.values()) == ["x", "y"])
try:
    k[0]
except TypeError as ex:
    print(type(ex).__name__, ex)
print(dict(i), set({5: 1}.keys()), {n: n * n for n in range(4)}.items())
