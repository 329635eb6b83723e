d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d, d.setdefault("e", 5), d)
d.update({"b": 20, "f": 6}, g=7)
print(d)
del d["b"]
print(d, d.popitem(), d)
print({k: v for k, v in zip("xyz", range(3))}, dict(a=1, b=2), dict([("p", 1), ("q", 2)]))
print(dict.fromkeys("ab", 0), {**{"a": 1}, "b": 2, **{"a": 3}})
print({1: "a"} | {2: "b"}, {1: "a", 2: "b"} == {2: "b", 1: "a"})
d = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    d[w] = d.get(w, 0) + 1
print(d)
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
keys = d.keys()
d["new"] = 1
print(len(keys), "new" in keys)
print({(1, 2): "tuple key", 1.0: "float", True: "bool"})
nested = {"x": {"y": {"z": 1}}}
nested["x"]["y"]["w"] = [1, 2]
print(nested)
print(repr({}), str({"a": [1, {"b": None}]}))
cd = d.copy()
cd.clear()
print(cd, len(d) > 0)
for k in {"one": 1, "two": 2}:
    print(k)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
print(list(reversed({"a": 1, "b": 2, "c": 3})))
