x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class O:
    pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print(type(e).__name__, e)
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(f())
try:
    del d["zzz"]
except KeyError as e:
    print(type(e).__name__, e)
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
