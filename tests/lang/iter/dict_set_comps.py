words = ["apple", "banana", "cherry", "avocado", "blueberry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print({k: v for k, v in zip(range(3), "xyz") if k != 1})
print(sorted({len(w) for w in words}), sorted({c for w in words for c in w if c in "aeiou"}))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, {i: i ** 2 for i in range(5)}, {(i, i + 1) for i in range(3)} == {(0, 1), (1, 2), (2, 3)})
matrix = {(r, c): r * c for r in range(3) for c in range(3) if r <= c}
print(matrix)
print({x: [y for y in range(x)] for x in range(4)})
print({**{i: i for i in range(2)}, **{"k": "v"}})
