# coroutine ping-pong: generator-based coroutines driven by hand with send();
# a ring of relay coroutines passes a token around, and a producer/consumer pair
# exchanges values, with a tiny round-robin trampoline.  No asyncio.
# Checksum: the final token, message counts and accumulated values.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
LAPS = max(10, int(320000 * SCALE))
RING = 32


def relay(ident):
    # receives a token, returns a transformed token to the caller
    received = 0
    token = yield
    while True:
        received += 1
        token = yield (token * 31 + ident) % 1000003


def ping():
    total = 0
    value = yield "ready"
    while True:
        total += value
        value = yield value + 1


def pong():
    count = 0
    value = yield "ready"
    while True:
        count += 1
        value = yield value * 2 % 65521


def accumulator():
    total = 0
    try:
        while True:
            total += yield total
    except GeneratorExit:
        pass


def trampoline(tasks, steps):
    # round-robin over generator tasks; each yields a number we fold
    fold = 0
    alive = list(tasks)
    i = 0
    while alive and steps > 0:
        t = alive[i % len(alive)]
        try:
            fold = (fold + t.send(None)) % 1000000007
        except StopIteration:
            alive.remove(t)
        i += 1
        steps -= 1
    return fold


def counter(start, step, n):
    v = start
    for _ in range(n):
        yield v
        v += step


def main():
    ring = [relay(i) for i in range(RING)]
    for r in ring:
        next(r)
    token = 1
    for _ in range(LAPS):
        for r in ring:
            token = r.send(token)
    print("ring token", token)

    a = ping()
    b = pong()
    next(a)
    next(b)
    v = 1
    for _ in range(LAPS * 4):
        v = a.send(v)
        v = b.send(v)
    print("ping-pong", v)

    acc = accumulator()
    next(acc)
    last = 0
    for i in range(LAPS * 4):
        last = acc.send(i % 97)
    acc.close()
    print("accumulated", last)

    tasks = [counter(i, i + 1, LAPS // 10 + i) for i in range(50)]
    print("trampoline", trampoline(tasks, LAPS * 20))


main()
