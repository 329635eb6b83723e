# FOR_ITER / UNPACK_SEQUENCE specialised, then lists mutated during iteration,
# other iterables, wrong lengths, generators finishing early
def total(it):
    s = 0
    for x in it:
        s += x
    return s
print(total(range(100)), total([1, 2, 3]), total((4, 5)), total(x for x in range(5)))
print(total({1: 'a', 2: 'b'}), total(range(10, 0, -3)), total(iter([7, 8])))
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if len(l) < 6:
        l.append(x * 10)
print(out)
l = list(range(10))
for x in l:
    if x % 2 == 0:
        l.remove(x)
print(l)
def pairs(seq):
    r = []
    for a, b in seq:
        r.append(a * b)
    return r
print(pairs([(1, 2)] * 20)[-1], pairs([[3, 4]] * 3), pairs([range(2, 4)]))
try:
    pairs([(1, 2)] * 20 + [(1, 2, 3)])
except ValueError as e:
    print('ValueError', e)
def triple(seq):
    for a, b, c in seq:
        pass
    return a + b + c
print(triple([(1, 2, 3)] * 20), triple([[4, 5, 6]] * 20))
def g():
    yield 1
    return 5
print([x for x in g()], total(g()))
def big():
    for i in range(2 ** 62, 2 ** 62 + 3):
        yield i
print(total(big()), total(range(2 ** 63, 2 ** 63 + 2)))
