class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        print("iadd", other)
        self.items.append(other)
        return self
    def __add__(self, other):
        print("add", other)
        n = Acc()
        n.items = self.items + [other]
        return n
    def __imul__(self, k):
        self.items = self.items * k
        return self
    def __repr__(self):
        return "Acc%r" % (self.items,)
a = Acc()
alias = a
a += 1
a += 2
print(a, alias is a)
a *= 2
print(a)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
o2 = o
o += 5
print(o.v, o2.v, o is o2)
class ReturnsOther:
    def __isub__(self, o):
        return "something else"
r = ReturnsOther()
r -= 1
print(r)
x = [1]
y = x
x += (2, 3)
print(x, y)
try:
    x = x + (4,)
except TypeError as e:
    print(type(e).__name__, e)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
