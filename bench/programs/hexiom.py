# Hexiom-style puzzle: numbered tiles must be placed on a hexagonal board so that
# every tile's number equals its count of occupied neighbours.  Puzzles are built
# from LCG-chosen layouts; a backtracking solver with bound propagation counts all
# solutions of each.  Checksum: solutions and search nodes per puzzle.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
PUZZLES = max(1, int(12 * SCALE))
RADIUS = 2
HEX_DIRS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))


def build_board(radius):
    cells = []
    index = {}
    for q in range(-radius, radius + 1):
        for r in range(-radius, radius + 1):
            if -radius <= q + r <= radius:
                index[(q, r)] = len(cells)
                cells.append((q, r))
    neighbours = []
    for q, r in cells:
        ns = []
        for dq, dr in HEX_DIRS:
            k = (q + dq, r + dr)
            if k in index:
                ns.append(index[k])
        neighbours.append(tuple(ns))
    return cells, neighbours


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state >> 4


def make_puzzle(rng, ncells, neighbours):
    occupied = [rng.next() % 100 < 62 for _ in range(ncells)]
    counts = [0] * 7
    for i in range(ncells):
        if occupied[i]:
            counts[sum(1 for n in neighbours[i] if occupied[n])] += 1
    return counts, ncells - sum(counts)


class Solver:
    UNDECIDED = -2
    HOLE = -1

    def __init__(self, neighbours, counts, holes):
        self.neighbours = neighbours
        self.n = len(neighbours)
        self.counts = list(counts)
        self.holes = holes
        self.value = [self.UNDECIDED] * self.n
        self.solutions = 0
        self.nodes = 0
        self.signature = 0

    def consistent(self, cell):
        # the bounds check for `cell` and each neighbour that holds a tile
        value = self.value
        for c in (cell,) + self.neighbours[cell]:
            v = value[c]
            if v < 0:
                continue
            lo = hi = 0
            for n in self.neighbours[c]:
                w = value[n]
                if w >= 0:
                    lo += 1
                    hi += 1
                elif w == self.UNDECIDED:
                    hi += 1
            if v < lo or v > hi:
                return False
        return True

    def search(self, cell):
        self.nodes += 1
        if cell == self.n:
            self.solutions += 1
            sig = 0
            for v in self.value:
                sig = (sig * 8 + v + 1) % 1000000007
            self.signature = (self.signature + sig) % 1000000007
            return
        value = self.value
        if self.holes > 0:
            value[cell] = self.HOLE
            self.holes -= 1
            if self.consistent(cell):
                self.search(cell + 1)
            self.holes += 1
        counts = self.counts
        for v in range(7):
            if counts[v] == 0 or v > len(self.neighbours[cell]):
                continue
            value[cell] = v
            counts[v] -= 1
            if self.consistent(cell):
                self.search(cell + 1)
            counts[v] += 1
        value[cell] = self.UNDECIDED


def main():
    cells, neighbours = build_board(RADIUS)
    rng = Lcg(4242)
    total = 0
    for p in range(PUZZLES):
        counts, holes = make_puzzle(rng, len(cells), neighbours)
        s = Solver(neighbours, counts, holes)
        s.search(0)
        total += s.solutions
        print("puzzle %d tiles=%s holes=%d solutions=%d nodes=%d sig=%d"
              % (p, counts, holes, s.solutions, s.nodes, s.signature))
    print("total solutions", total)


main()
