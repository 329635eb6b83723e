# pidigits: Gibbons' unbounded spigot for the digits of pi (big-integer arithmetic).
# Checksum: the digits themselves, ten per line.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
DIGITS = max(50, int(7000 * SCALE))


def pi_digits(count):
    q, r, t, k = 1, 0, 1, 1
    produced = 0
    while produced < count:
        # compose with the next term of the series
        k2 = 2 * k + 1
        q, r, t = q * k, (2 * q + r) * k2, t * k2
        k += 1
        if q > r:
            continue
        digit = (3 * q + r) // t
        if digit != (4 * q + r) // t:
            continue
        yield digit
        produced += 1
        q, r = 10 * q, 10 * (r - digit * t)


def main():
    line = []
    shown = 0
    for d in pi_digits(DIGITS):
        line.append(str(d))
        if len(line) == 10:
            shown += 10
            print("%s\t:%d" % ("".join(line), shown))
            line = []
    if line:
        shown += len(line)
        print("%s%s\t:%d" % ("".join(line), " " * (10 - len(line)), shown))


main()
