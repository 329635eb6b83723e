# generators pipeline: a chain of generator stages (source, map, filter, running
# window, chunking, yield from, generator expressions) pulled to exhaustion.
# Checksum: sums and counts at the end of each pipeline.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
N = max(1000, int(2400000 * SCALE))


def source(n):
    x = 1
    for _ in range(n):
        x = (x * 48271) % 2147483647
        yield x


def scale_down(items, k):
    for v in items:
        yield v % k


def keep(items, pred):
    for v in items:
        if pred(v):
            yield v


def window_sums(items, size):
    buf = []
    total = 0
    for v in items:
        buf.append(v)
        total += v
        if len(buf) > size:
            total -= buf.pop(0)
        if len(buf) == size:
            yield total


def chunks(items, size):
    chunk = []
    for v in items:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for part in nested:
        yield from part


def tree(depth, label):
    if depth == 0:
        yield label
        return
    yield from tree(depth - 1, label * 2)
    yield from tree(depth - 1, label * 2 + 1)


def main():
    odd = keep(scale_down(source(N), 1000), lambda v: v & 1)
    total = 0
    count = 0
    for s in window_sums(odd, 8):
        total += s
        count += 1
    print("window", count, total)

    chunk_sums = [sum(c) for c in chunks(source(N // 2), 7)]
    print("chunks", len(chunk_sums), sum(chunk_sums) % 1000000007)

    flat = sum(1 for _ in flatten(chunks(range(N // 2), 5)))
    print("flatten", flat)

    squares = sum(v * v for v in range(N) if v % 3 == 0)
    print("genexpr", squares)

    leaves = 0
    acc = 0
    for _ in range(max(1, N // 30000)):
        for label in tree(13, 1):
            leaves += 1
            acc = (acc + label) % 1000003
    print("tree", leaves, acc)


main()
