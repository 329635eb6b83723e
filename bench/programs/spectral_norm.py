# spectral norm: power iteration on the infinite matrix A[i][j] = 1/((i+j)(i+j+1)/2+i+1).
# Checksum: the approximated norm.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
N = max(10, int(560 * SCALE))


def a_entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def mul_av(v, out, n):
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += a_entry(i, j) * v[j]
        out[i] = acc


def mul_atv(v, out, n):
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += a_entry(j, i) * v[j]
        out[i] = acc


def mul_atav(v, out, tmp, n):
    mul_av(v, tmp, n)
    mul_atv(tmp, out, n)


def main():
    n = N
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        mul_atav(u, v, tmp, n)
        mul_atav(v, u, tmp, n)
    vbv = vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print("n=%d norm=%.9f" % (n, (vbv / vv) ** 0.5))


main()
