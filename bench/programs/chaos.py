# chaos game: iterated function systems (Barnsley fern, Sierpinski triangle and a
# pentagon game) driven by a tiny deterministic LCG, points binned into a grid.
# Checksum: hit cells and a weighted sum over the histogram.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
POINTS = max(1000, int(1400000 * SCALE))
GRID = 200


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def uniform(self):
        return self.next() / 2147483648.0


FERN = [
    # (cumulative probability, a, b, c, d, e, f)
    (0.01, 0.0, 0.0, 0.0, 0.16, 0.0, 0.0),
    (0.86, 0.85, 0.04, -0.04, 0.85, 0.0, 1.6),
    (0.93, 0.2, -0.26, 0.23, 0.22, 0.0, 1.6),
    (1.00, -0.15, 0.28, 0.26, 0.24, 0.0, 0.44),
]


def fern(rng, n, grid):
    x = y = 0.0
    for _ in range(n):
        r = rng.uniform()
        for p, a, b, c, d, e, f in FERN:
            if r <= p:
                x, y = a * x + b * y + e, c * x + d * y + f
                break
        gx = int((x + 2.75) / 5.5 * (GRID - 1))
        gy = int(y / 10.0 * (GRID - 1))
        grid[gy * GRID + gx] += 1


def polygon_game(rng, n, grid, corners, ratio):
    x, y = 0.5, 0.5
    last = -1
    k = len(corners)
    for _ in range(n):
        i = rng.next() % k
        if k > 3 and i == last:
            continue
        last = i
        cx, cy = corners[i]
        x += (cx - x) * ratio
        y += (cy - y) * ratio
        grid[int(y * (GRID - 1)) * GRID + int(x * (GRID - 1))] += 1


def summarise(name, grid):
    hit = 0
    weighted = 0
    peak = 0
    for i, v in enumerate(grid):
        if v:
            hit += 1
            weighted = (weighted + v * (i + 1)) % 1000000007
            if v > peak:
                peak = v
    print(name, "hit", hit, "peak", peak, "weighted", weighted)


def main():
    rng = Lcg(20240601)
    g = [0] * (GRID * GRID)
    fern(rng, POINTS, g)
    summarise("fern", g)
    g = [0] * (GRID * GRID)
    polygon_game(rng, POINTS, g, [(0.0, 0.0), (1.0, 0.0), (0.5, 0.866)], 0.5)
    summarise("sierpinski", g)
    g = [0] * (GRID * GRID)
    pent = [(0.5, 1.0), (0.976, 0.655), (0.794, 0.095), (0.206, 0.095), (0.024, 0.655)]
    polygon_game(rng, POINTS, g, pent, 0.5)
    summarise("pentagon", g)


main()
