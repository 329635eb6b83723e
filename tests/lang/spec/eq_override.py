# COMPARE_OP / CONTAINS_OP / subscripts specialised, then subclasses with __eq__ etc.
class Weird(int):
    def __eq__(self, other):
        return True
    def __lt__(self, other):
        return False
    __hash__ = int.__hash__
def cmp(a, b):
    return (a == b, a < b, a != b)
res = [cmp(i, 3) for i in range(30)]
print(res[3], res[5])
print(cmp(Weird(1), 3), cmp(1.5, 2.5), cmp('a', 'b'), cmp('b', 'b'))
class MyStr(str):
    def __eq__(self, o):
        return 'eq'
print([cmp(s, 'x') for s in ['x', 'y']], cmp(MyStr('q'), 'z'))
def contains(x, c):
    return x in c
d = {i: i for i in range(10)}
print(sum(contains(i, d) for i in range(20)))
print(contains(3, {3, 4}), contains(3, frozenset([1])), contains('a', 'abc'), contains(1, [1]))
class D(dict):
    def __contains__(self, k):
        return True
print(contains('nope', D()))
def sub(c, i):
    return c[i]
lst = list(range(10))
print([sub(lst, i) for i in range(10)][-1], sub((1, 2), 1), sub('hey', 2), sub({'a': 5}, 'a'))
print(sub(lst, -1), sub('héé', 1), sub(range(5), 2))
class M(dict):
    def __missing__(self, k):
        return 'missing'
print(sub(M(), 'x'))
try:
    sub({}, 'k')
except KeyError as e:
    print('KeyError', e)
try:
    sub(lst, 10)
except IndexError as e:
    print('IndexError', e)
