print(list(), tuple(), dict(), set(), frozenset(), str(), bytes(), bytearray())
print(list("ab"), tuple([1]), dict(a=1), dict([(1, 2)]), set([1, 1]), frozenset((2,)), bytes([1]), bytearray(b"x"))
print(list(range(3)), tuple(range(3)), dict.fromkeys(range(3)), list({1: "a"}.items()))
print(list(x for x in "ab"), tuple(map(str, [1])), dict(zip([1], [2])), list(reversed([1, 2])))
print(int(), float(), complex(), bool(), int("5"), float("5"), complex("5"), bool("5"), str(5), repr(5))
for ctor, arg in ((list, 5), (tuple, None), (dict, 5), (set, 1.5), (frozenset, True), (dict, ["ab", "c"])):
    try:
        print(ctor(arg))
    except (TypeError, ValueError) as e:
        print(ctor.__name__, type(e).__name__, e)
print(list([1, [2]]) == [1, [2]], list(tuple([1])) == [1], str([1]) == "[1]")
