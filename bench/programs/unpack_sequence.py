# sequence unpacking: tuple and list unpacking, swaps, starred targets, nested
# patterns and multiple assignment in a tight loop.
# Checksum: folded values of every unpacked name.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
N = max(1000, int(1800000 * SCALE))


def flat(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    l = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    acc = 0
    for i in range(n):
        a, b, c, d, e, f, g, h, j, k = t
        acc += a - b + c - d + e - f + g - h + j - k
        a, b, c, d, e, f, g, h, j, k = l
        acc += a + k
        a, b = b, a
        acc += a * 2 - b
    return acc


def starred(n):
    data = list(range(12))
    acc = 0
    for i in range(n):
        first, *middle, last = data
        head, second, *rest = data
        *init, tail = data
        acc += first + last + len(middle) + second + len(rest) + tail + len(init)
    return acc


def nested(n):
    rows = [((i, i + 1), (i * 2, (i * 3, i * 4))) for i in range(16)]
    acc = 0
    for k in range(n // 4):
        for (a, b), (c, (d, e)) in rows:
            acc += a + b - c + d - e
        x = y = z = k
        acc += x + y + z
    return acc


def rotate(n):
    a, b, c, d = 1, 2, 3, 4
    for _ in range(n):
        a, b, c, d = b, c, d, (a + b) % 1000
    return a * 1000000000 + b * 1000000 + c * 1000 + d


def main():
    print("flat", flat(N))
    print("starred", starred(N // 2))
    print("nested", nested(N))
    print("rotate", rotate(N * 2))


main()
