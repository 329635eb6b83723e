tests = [
    lambda: (1 + 2j) < (3 + 4j),
    lambda: 1j // 2,
    lambda: 1j % 2,
    lambda: int(1j),
    lambda: float(2j),
    lambda: complex("1+2"),
    lambda: complex("abc"),
    lambda: complex("1 + 2j"),
    lambda: complex("1", 2),
    lambda: complex(None),
    lambda: 0j ** -1,
    lambda: divmod(1j, 1),
    lambda: round(1j),
]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
