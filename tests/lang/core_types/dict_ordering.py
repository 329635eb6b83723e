d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d, list(d), list(d.values()))
d["alpha"] = 100
print(d)
del d["zeta"]
d["zeta"] = 0
print(d)
print(d.pop("mid"), d)
d.update({"new": 1, "alpha": 2})
print(d)
d2 = dict(b=1, a=2)
d2.setdefault("c", 3)
d2.setdefault("a", 99)
print(d2, d2.popitem(), d2)
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list({3: 0, 1: 0, 2: 0}))
m = {"x": 1} | {"y": 2, "x": 3}
print(m)
m |= {"z": 4}
print(m, dict.fromkeys("abc", 0), dict.fromkeys([3, 1]))
print(dict([("p", 1), ("q", 2)]), dict(zip("ab", [1, 2])), dict({"a": 1}, b=2))
print(list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({1: 1}.items())))
