tests = [
    lambda: len(),
    lambda: len([1], [2]),
    lambda: abs(1, 2),
    lambda: isinstance(1),
    lambda: divmod(1),
    lambda: sorted([1], lambda x: x),
    lambda: print(1, foo=2),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: {}.get(),
    lambda: "".join(),
    lambda: int(1, 2, 3),
    lambda: range(1, 2, 3, 4),
    lambda: chr(),
    lambda: max(),
    lambda: min(1),
    lambda: sum(1, 2, 3),
    lambda: getattr(1),
    lambda: iter(),
    lambda: next(),
    lambda: zip(1),
    lambda: map(len),
    lambda: enumerate(),
    lambda: hash([]),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
