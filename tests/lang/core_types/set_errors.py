s = {1, 2}
tests = [
    lambda: s.remove(3),
    lambda: set().pop(),
    lambda: {[1]},
    lambda: s.add({}),
    lambda: s[0],
    lambda: s + {3},
    lambda: frozenset([1]).add(2),
    lambda: set(5),
    lambda: s < [1],
    lambda: hash(s),
    lambda: s.remove([1]),
]
for t in tests:
    try:
        print(t())
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    s.remove((1, 2))
except KeyError as e:
    print(type(e).__name__, e, e.args)
x = {7}
print(x.pop(), x)
print(s.discard([1]) if False else "discard ok")
