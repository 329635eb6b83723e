# class attributes and methods replaced after the specialiser cached them
class K:
    LIMIT = 10
    def f(self):
        return 'f1'
    def check(self, n):
        return n < self.LIMIT

k = K()
res = []
for i in range(40):
    res.append(k.f())
    if i == 20:
        K.f = lambda self: 'f2'
print(res[:2], res[-2:], res.count('f1'), res.count('f2'))
out = []
for i in range(40):
    out.append(k.check(15))
    if i == 25:
        K.LIMIT = 100
print(out.count(False), out.count(True))
k.LIMIT = 1
print(k.check(5))
for i in range(30):
    v = K.LIMIT
    if i == 10:
        K.LIMIT = 'x'
print(v)
def meth_shadow():
    obj = K()
    r = []
    for i in range(30):
        r.append(obj.f())
        if i == 15:
            obj.f = lambda: 'instance'
    return r[14], r[16], r[-1]
print(meth_shadow())
