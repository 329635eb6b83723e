# fannkuch-redux: count pancake flips over all permutations of 1..n.
# Checksum: permutation checksum and the maximum number of flips.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
N = 9 if SCALE >= 0.5 else 8
REPEAT = max(1, int(3 * SCALE))


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k != 0:
                # reverse the first k+1 items
                i = 0
                j = k
                while i < j:
                    perm[i], perm[j] = perm[j], perm[i]
                    i += 1
                    j -= 1
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign == 1 else -flips
        # next permutation in the counting order
        sign = -sign
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    for _ in range(REPEAT):
        checksum, flips = fannkuch(N)
    print(checksum)
    print("Pfannkuchen(%d) = %d" % (N, flips))


main()
