d = dict(a=1, b=2)
print(d.get("a"), d.get("z"), d.get("z", -1), d.keys(), "a" in d, "z" not in d)
print(d.copy(), d.copy() is d, len(d), d == {"b": 2, "a": 1})
d.update([("c", 3)], d=4)
d.update(e=5)
print(d)
print(d.setdefault("f", []), d)
d["f"].append(1)
print(d["f"], d.pop("a"), d.popitem(), d)
d.clear()
print(d, bool(d), dict(), dict({}))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"x": {"y": {"z": 1}}}
nested["x"]["y"]["w"] = 2
print(nested, nested["x"]["y"]["z"])
for bad in ([1, 2], [("a", 1, 2)], 5):
    try:
        print(dict(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    {} < {}
except TypeError as e:
    print(type(e).__name__, e)
