# threaded CPU-bound work (needs the `threading` module): four workers compute
# Collatz chain lengths over disjoint ranges and fold them into a shared table under
# a Lock; results are combined in thread order, so the output is deterministic.
import sys
import threading

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
LIMIT = max(1000, int(280000 * SCALE))
WORKERS = 4


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    results = [None] * WORKERS
    histogram = {}
    lock = threading.Lock()

    def work(k):
        best = (0, 0)
        local = {}
        total = 0
        for n in range(1 + k, LIMIT, WORKERS):
            c = collatz_len(n)
            total += c
            if c > best[0]:
                best = (c, n)
            local[c % 16] = local.get(c % 16, 0) + 1
        with lock:
            for key, v in local.items():
                histogram[key] = histogram.get(key, 0) + v
        results[k] = (total, best)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k, (total, best) in enumerate(results):
        print("worker", k, "steps", total, "longest", best)
    print("histogram", sorted(histogram.items()))


main()
