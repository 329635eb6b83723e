# float object churn: many short-lived Point objects with float attributes,
# normalised and folded together (allocation + float arithmetic + attributes).
# Checksum: the folded maximum point and a running sum.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
POINTS = 100000
ROUNDS = max(1, int(18 * SCALE))


class Point:
    def __init__(self, i):
        t = i * 0.001
        self.x = x = t * t * 0.5 - t + 1.25
        self.y = 3.0 - x * 0.75 + t * 0.125
        self.z = (x * x + 1.0) / (t + 2.0)

    def normalize(self):
        n = (self.x * self.x + self.y * self.y + self.z * self.z) ** 0.5
        self.x /= n
        self.y /= n
        self.z /= n

    def maximize(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


def one_round(n, shift):
    pts = [Point(i + shift) for i in range(n)]
    for p in pts:
        p.normalize()
    best = pts[0]
    for p in pts[1:]:
        best = best.maximize(p)
    total = 0.0
    for p in pts:
        total += p.x - p.y * 0.5 + p.z * 0.25
    return best, total


def main():
    for r in range(ROUNDS):
        best, total = one_round(POINTS, r * 17)
        print("round %d max=(%.9f, %.9f, %.9f) sum=%.6f" % (r, best.x, best.y, best.z, total))


main()
