# str + str, str compare, dict subscripts/stores specialised then other types
def cat(a, b):
    return a + b
r = ''
for i in range(40):
    r = cat(r, str(i % 10))
print(r)
print(cat([1], [2]), cat((1,), (2,)), cat(1, 2), cat(1.5, 2))
d = {}
for i in range(50):
    d[i % 7] = d.get(i % 7, 0) + i
print(d)
def store(c, k, v):
    c[k] = v
lst = [0] * 5
for i in range(30):
    store(lst, i % 5, i)
print(lst)
store(lst, -1, 'neg')
print(lst)
try:
    store(lst, 5, 1)
except IndexError as e:
    print('IndexError', e)
class DD(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
x = DD()
for i in range(5):
    store(x, i, i)
print(x)
store(d, 'new', 1)
print(len(d))
words = ['b', 'a', 'c'] * 10
print(sum(1 for w in words if w < 'b'), sum(1 for w in words if w == 'a'))
