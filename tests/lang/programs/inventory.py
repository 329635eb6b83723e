# A small program mixing classes, dicts, sorting, formatting and exceptions.
class Item:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty

    def total(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.qty})"


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, price, qty=1):
        if qty <= 0:
            raise ValueError(f"quantity must be positive, got {qty}")
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = Item(name, price, qty)

    def remove(self, name, qty):
        item = self.items[name]
        if qty > item.qty:
            raise ValueError("not enough " + name)
        item.qty -= qty
        if item.qty == 0:
            del self.items[name]

    def value(self):
        return sum(i.total() for i in self.items.values())

    def report(self):
        lines = []
        for item in sorted(self.items.values(), key=lambda i: (-i.total(), i.name)):
            lines.append(f"{item.name:<10}{item.qty:>5}{item.price:>10.2f}{item.total():>12.2f}")
        lines.append("-" * 37)
        lines.append(f"{'TOTAL':<10}{'':>15}{self.value():>12.2f}")
        return "\n".join(lines)


inv = Inventory()
for name, price, qty in [("apple", 0.5, 10), ("pear", 0.75, 4), ("melon", 3.2, 2),
                         ("apple", 0.5, 5), ("kiwi", 0.3, 12)]:
    inv.add(name, price, qty)
print(inv.report())
for op in [("remove", "pear", 2), ("remove", "melon", 5), ("remove", "grape", 1), ("add", "fig", 0)]:
    try:
        if op[0] == "remove":
            inv.remove(op[1], op[2])
        else:
            inv.add(op[1], 1.0, op[2])
        print("ok", op)
    except (ValueError, KeyError) as e:
        print("error", type(e).__name__, e)
print(inv.items)
print(round(inv.value(), 2))

def histogram(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    width = max(len(w) for w in counts)
    for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(w.rjust(width), "#" * c)

histogram("to be or not to be that is the question to be".split())

def primes(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]

print(primes(100))
print(len(primes(10000)), sum(primes(10000)))

def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

m = [[1, 2], [3, 4]]
print(matmul(m, m), matmul(matmul(m, m), m))

def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

best = max(range(1, 3000), key=collatz)
print(best, collatz(best))
