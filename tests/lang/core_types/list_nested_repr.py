a = [1, "two", 3.0, None, True, [4, [5, (6,)]], {"k": [7]}, b"b", 1j]
print(a)
print(repr(a), str(a) == repr(a))
r = [1, 2]
r.append(r)
print(r)
d = {"self": None}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
print([["a", 'b"', "c'd"], ['\n']])
print([[]], [[], []], [()], [(1,)], [{}], [set()], [frozenset()])
print(len(a), a[5][1][1][0], a[-3])
