class Box:
    color = "red"
    def __init__(self):
        self.size = 3
b = Box()
print(getattr(b, "size"), getattr(b, "color"), getattr(b, "weight", 0), getattr(Box, "color"))
setattr(b, "weight", 10)
setattr(b, "size", 4)
print(b.weight, b.size, hasattr(b, "weight"), hasattr(b, "nothing"), hasattr(Box, "size"))
delattr(b, "weight")
print(hasattr(b, "weight"), vars(b))
try:
    getattr(b, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(b, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(b, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr([], "append", 1)
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr("abc", "upper")(), getattr([1, 2], "__len__")(), hasattr(5, "real"), getattr(5, "imag"))
name = "dyn_" + "attr"
setattr(b, name, "dynamic")
print(getattr(b, "dyn_attr"), b.dyn_attr)
