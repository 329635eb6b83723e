a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, a == c)
print(type(id(a)).__name__, id(a) == id(a))
x = object()
ids = {id(x)}
print(id(x) in ids, id(object()) != id(x))
def f():
    pass
print(id(f) == id(f), f is f)
s = "shared"
t = s
print(id(s) == id(t))
print(None is None, True is True, type(None) is type(None))
lst = [[]] * 3
print(id(lst[0]) == id(lst[2]), lst[0] is lst[1])
lst2 = [[] for _ in range(3)]
print(lst2[0] is lst2[1])
print(int is int, len is len, id(len) == id(len))
