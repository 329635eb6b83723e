# N-queens: count all solutions with a set-based backtracking search, plus a
# permutation filter for a smaller board (exercises sets, generators, tuples).
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
N = 12 if SCALE >= 0.5 else 8


def solve(n):
    cols = set()
    diag1 = set()
    diag2 = set()
    count = 0
    first = None
    placement = []

    def place(row):
        nonlocal count, first
        if row == n:
            count += 1
            if first is None:
                first = tuple(placement)
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    place(0)
    return count, first


def permutations(items):
    if len(items) <= 1:
        yield tuple(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield (items[i],) + p


def solve_by_filter(n):
    cols = list(range(n))
    found = 0
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            found += 1
    return found


def main():
    for n in range(4, N + 1):
        count, first = solve(n)
        print(n, count, first)
    print("filter", solve_by_filter(N - 3))


main()
