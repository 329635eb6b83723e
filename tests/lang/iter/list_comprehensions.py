print([x for x in range(10)], [x * x for x in range(10) if x % 2], [c for c in "hello" if c not in "l"])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([x if x % 2 else -x for x in range(6)], [len(w) for w in "the quick brown fox".split()])
flat = [item for sub in [[1, 2], [3], [], [4, 5]] for item in sub]
print(flat)
print([i for i in range(20) if i % 2 == 0 if i % 3 == 0], [s.strip() for s in [" a ", "b  "]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([(lambda n: n + 1)(k) for k in range(3)], [f"{k}={v}" for k, v in {"a": 1, "b": 2}.items()])
print([x for x in []], [0 for _ in range(3)], [[]for _ in range(2)])
primes = [n for n in range(2, 40) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
