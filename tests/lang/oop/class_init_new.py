class Single:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v):
        print("init", v)
        self.v = v
s1 = Single(1)
s2 = Single(2)
print(s1 is s2, s1.v)
class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
u = Upper("hello")
print(u, type(u).__name__, isinstance(u, str), u + "!", len(u))
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def total(self):
        return self[0] + self[1]
p = Pair(3, 4)
print(p, p.total(), len(p), type(p).__name__)
class MyList(list):
    def append(self, x):
        super().append(x * 2)
m = MyList([1])
m.append(5)
print(m, len(m), type(m).__name__, isinstance(m, list))
