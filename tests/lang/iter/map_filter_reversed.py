print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(len, ["", "ab", [1]])), list(map(int, "123")), list(map(str.upper, "hi")))
print(list(filter(None, [0, 1, "", "a", [], [0], None])), list(filter(str.isdigit, "a1b2")), list(filter(lambda x: x > 2, range(5))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed((1,))))
print(list(reversed({"a": 1, "b": 2})), list(map(lambda x: x, [])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "item%d" % i
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Rev())))
for bad in (5, {1, 2}, iter([1])):
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)
m = map(lambda x: 1 / x, [1, 0])
print(next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(list(map(str, filter(lambda n: n % 2, map(lambda n: n * 3, range(6))))))
