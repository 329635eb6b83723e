# recursive fib: pure call overhead and small-int arithmetic.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
N = 34 if SCALE >= 0.5 else 25


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    for k in range(N - 3, N + 1):
        v = fib(k)
        print("fib(%d) = %d" % (k, v))
        total += v
    print("total", total)


main()
