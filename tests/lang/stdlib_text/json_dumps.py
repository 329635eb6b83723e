import json

data = {"name": "Krait", "ver": [3, 12, 0], "ok": True, "none": None, "pi": 3.14159,
        "nested": {"a": [], "b": {}, "c": [1, [2, [3]]]}, "uni": "h\u00e9llo \u2603 \U0001F600",
        "esc": "quote\" back\\ nl\n tab\t cr\r bs\b ff\f ctl\x01 del\x7f"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, 2, {"x": 1}], indent=4, separators=(", ", " = ")))
print(json.dumps({3: 1, 2.5: 2, True: 3, False: 4, None: 5, "s": 6}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps((1, 2, 3)), json.dumps("x"), json.dumps(None), json.dumps(1e100), json.dumps(-0.0))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps(1.0), json.dumps(0.1 + 0.2), json.dumps(10**30), json.dumps(-5))
print(json.dumps({(1, 2): 3}, skipkeys=True))
for bad in [float("nan"), [float("inf")]]:
    try:
        json.dumps(bad, allow_nan=False)
    except ValueError as e:
        print("ValueError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({1: 2, "a": 3}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError:", e)
shared = [1]
print(json.dumps([shared, shared]))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

def enc(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("nope")

print(json.dumps([Point(1, 2), {3, 1, 2}], default=enc))

class MyEnc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)

print(json.dumps({"c": 1 + 2j}, cls=MyEnc))
print(MyEnc(indent=1).encode([1j]))
try:
    MyEnc().encode(Point(0, 0))
except TypeError as e:
    print("TypeError:", e)

class IntSub(int):
    def __repr__(self):
        return "IntSub!"

class FloatSub(float):
    def __repr__(self):
        return "FloatSub!"

print(json.dumps([IntSub(5), FloatSub(2.5), True]))
print(list(json.JSONEncoder().iterencode({"a": [1, 2]})) != [])
print("".join(json.JSONEncoder(indent=2).iterencode({"a": [1, 2]})))

class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

w = W()
json.dump({"k": [1, "two", None]}, w)
print("".join(w.parts))
print(json.dumps([[], {}, [[]], [{}]], indent=2))
