sq = lambda x: x * x
print(sq(5), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2), (lambda a, b=3: a + b)(1))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda s: len(s) > 2, ["ab", "abc", "abcd"])))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(3))
print((lambda x: (lambda y: x + y))(10)(5))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda: (yield 1))().__class__.__name__ if False else "skip", (lambda x: x if x else "falsy")(0))
print(type(sq).__name__, sq.__name__, (lambda: None)() is None)
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print([cond(v) for v in (-1, 0, 1)])
