l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5)
l.extend([3, 5])
l.insert(0, 0)
print(l, len(l), l.count(5), l.index(9))
print(l.pop(), l.pop(0), l)
l.remove(1)
print(l)
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l, sorted(l, key=lambda x: -x), min(l), max(l), sum(l))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "a"), (2, "a"), (1, "b")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
print(l[1:4], l[::-1], l[-2:], l[:100])
m = l.copy()
m[0] = 99
print(l[0], m[0], l == m, [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
n = [[0] * 3 for _ in range(3)]
n[1][1] = 5
print(n)
print([1, 2] + [3], [0] * 4, 3 in [1, 2, 3], [] or "empty")
x = [1, 2, 3]
x += [4]
x *= 2
print(x)
del x[::2]
print(x)
r = [1]
r.append(r)
print(r)
print(list(range(5)), list("abc"), list((1, 2)), list({1: 2, 3: 4}))
print([i * i for i in range(10) if i % 3], [(i, j) for i in range(3) for j in range(i)])
a = [5, 2, 8]
a.clear()
print(a, [1, 2, 3].index(2), [None] * 2)
