# oracle: python3.12
# Two-argument math functions over special values, and the accurate summations
# (fsum, hypot, dist, sumprod) over pseudo-random data from a fixed LCG.
import math

vals = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -2.0, 3.0, -3.5, 1e300, -1e300, 1e-310, 7, 10**20,
        float('inf'), float('-inf'), float('nan')]

for name in ['atan2', 'copysign', 'fmod', 'pow', 'remainder', 'ldexp', 'nextafter', 'hypot',
             'dist2', 'log', 'isclose']:
    out = []
    for a in vals:
        for b in vals:
            try:
                if name == 'ldexp':
                    r = math.ldexp(a, int(b) if math.isfinite(b) and abs(b) < 1e6 else 5000)
                elif name == 'dist2':
                    r = math.dist((a, b), (b, a))
                else:
                    r = getattr(math, name)(a, b)
                out.append(repr(r))
            except Exception as e:
                out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))

seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed

def rfloat():
    m = rnd() / 2**64 - 0.5
    e = rnd() % 60 - 30
    return math.ldexp(m, e)

for trial in range(200):
    n = trial % 17 + 1
    xs = [rfloat() for _ in range(n)]
    ys = [rfloat() for _ in range(n)]
    print(trial, math.fsum(xs), math.hypot(*xs), math.dist(xs, ys), math.sumprod(xs, ys),
          sum(xs), math.prod(xs))

print(math.fsum([1e-16, 1, 1e16]), math.fsum([0.1] * 10), math.fsum([1e308, -1e308, 1.0]))
print(math.fsum([]), math.fsum([-0.0]), math.fsum([float('inf'), 1.0]))
print(math.fsum([1, 2**53, 1, 1]), math.fsum(range(10)))
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1e-320, 1e-320),
      math.hypot(1e308, 1e308, 1e308), math.hypot(float('inf'), float('nan')))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([1.5, 2], [2, 3]),
      math.sumprod([10**30, 1], [3, 4]), math.sumprod([], []), math.sumprod([True], [2.5]))
print(math.sumprod([1, 2.5, 3], [4, 5, 2**70]))
print(math.nextafter(1.0, 2.0, steps=10), math.nextafter(0.0, -1.0, steps=3),
      math.nextafter(-1e-320, 1.0, steps=10**4), math.nextafter(1.0, 0.0, steps=2**80))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2),
      math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
