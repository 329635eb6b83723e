print(len(""), len("héllo"), len(b"ab"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(range(5, 0, -2)))
print(len(frozenset()), len(bytearray(5)), len({}.keys()), len({"a": 1}.items()), len("😀"), len([[]]))
class L:
    def __len__(self):
        return 7
print(len(L()))
class Big:
    def __len__(self):
        return 2 ** 70
try:
    len(Big())
except OverflowError as e:
    print(type(e).__name__, e)
class Float:
    def __len__(self):
        return 1.0
try:
    len(Float())
except TypeError as e:
    print(type(e).__name__, e)
for v in (5, 2.5, None, iter([1]), (x for x in "a")):
    try:
        len(v)
    except TypeError as e:
        print(type(e).__name__, e)
