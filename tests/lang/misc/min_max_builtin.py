print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"), max(range(10)))
print(min([], default="empty"), max((), default=None), min([1], default=0))
words = ["kiwi", "banana", "fig", "cherry"]
print(min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(max([1, 3, 3, 2], key=lambda x: x), max([(1, "a"), (1, "b")]), min(-1, -1.0), max(0, -0.0, 0.0))
print(max(2, 1, key=lambda v: -v), min({"a": 3, "b": 1}), max({"a": 3, "b": 1}.values()))
tests = [lambda: min([]), lambda: max(()), lambda: max(1), lambda: min(1, "a"), lambda: max([], key=len),
         lambda: min(1, 2, default=0), lambda: max()]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
