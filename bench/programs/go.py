# Go: random playouts on a 9x9 board with captures, suicide and simple-ko rules,
# eye filling forbidden, area scoring; moves chosen by a deterministic LCG.
# Checksum: per-game scores folded, wins per colour, moves and captures.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
GAMES = max(2, int(300 * SCALE))
SIZE = 9
W = SIZE + 2
EMPTY, BLACK, WHITE, EDGE = 0, 1, 2, 3
DIRS = (1, -1, W, -W)
KOMI = 7


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n


class Board:
    def __init__(self):
        self.cells = [EDGE] * (W * W)
        for y in range(1, SIZE + 1):
            for x in range(1, SIZE + 1):
                self.cells[y * W + x] = EMPTY
        self.ko = -1
        self.captures = 0
        self.mark = [0] * (W * W)
        self.stamp = 0

    def group(self, pos):
        # returns (stones, has_liberty) of the group at pos
        cells = self.cells
        colour = cells[pos]
        self.stamp += 1
        stamp = self.stamp
        mark = self.mark
        mark[pos] = stamp
        stack = [pos]
        stones = []
        liberty = False
        while stack:
            p = stack.pop()
            stones.append(p)
            for d in DIRS:
                q = p + d
                c = cells[q]
                if c == EMPTY:
                    liberty = True
                elif c == colour and mark[q] != stamp:
                    mark[q] = stamp
                    stack.append(q)
        return stones, liberty

    def is_eye(self, pos, colour):
        cells = self.cells
        for d in DIRS:
            c = cells[pos + d]
            if c != colour and c != EDGE:
                return False
        return True

    def play(self, pos, colour):
        # returns True if the move was legal (and was made)
        if pos == self.ko:
            return False
        cells = self.cells
        enemy = BLACK + WHITE - colour
        cells[pos] = colour
        taken = []
        for d in DIRS:
            q = pos + d
            if cells[q] == enemy:
                stones, liberty = self.group(q)
                if not liberty:
                    for s in stones:
                        cells[s] = EMPTY
                    taken.extend(stones)
        stones, liberty = self.group(pos)
        if not liberty:
            cells[pos] = EMPTY
            for s in taken:
                cells[s] = enemy
            return False
        self.captures += len(taken)
        if len(taken) == 1 and len(stones) == 1:
            self.ko = taken[0]
        else:
            self.ko = -1
        return True

    def score(self):
        # area scoring: stones plus empty regions bordered by one colour only
        cells = self.cells
        seen = [False] * (W * W)
        black = white = 0
        for pos in range(W * W):
            c = cells[pos]
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            elif c == EMPTY and not seen[pos]:
                seen[pos] = True
                stack = [pos]
                size = 0
                borders = 0
                while stack:
                    p = stack.pop()
                    size += 1
                    for d in DIRS:
                        q = p + d
                        cq = cells[q]
                        if cq == EMPTY:
                            if not seen[q]:
                                seen[q] = True
                                stack.append(q)
                        elif cq != EDGE:
                            borders |= cq
                if borders == BLACK:
                    black += size
                elif borders == WHITE:
                    white += size
        return black - white - KOMI


def playout(rng):
    board = Board()
    empties = [y * W + x for y in range(1, SIZE + 1) for x in range(1, SIZE + 1)]
    colour = BLACK
    passes = 0
    moves = 0
    while passes < 2 and moves < SIZE * SIZE * 3:
        candidates = [p for p in empties if board.cells[p] == EMPTY]
        played = False
        while candidates:
            i = rng.below(len(candidates))
            pos = candidates[i]
            candidates[i] = candidates[-1]
            candidates.pop()
            if board.is_eye(pos, colour):
                continue
            if board.play(pos, colour):
                played = True
                break
        if played:
            passes = 0
            moves += 1
        else:
            passes += 1
            board.ko = -1
        colour = BLACK + WHITE - colour
    return board.score(), moves, board.captures


def main():
    rng = Lcg(12345)
    fold = 0
    black_wins = 0
    total_moves = 0
    total_captures = 0
    for g in range(GAMES):
        s, moves, caps = playout(rng)
        if s > 0:
            black_wins += 1
        fold = (fold * 131 + s + 1000) % 1000000007
        total_moves += moves
        total_captures += caps
    print("games", GAMES, "black wins", black_wins)
    print("moves", total_moves, "captures", total_captures)
    print("fold", fold)


main()
