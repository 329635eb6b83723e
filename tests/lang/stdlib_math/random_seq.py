# oracle: python3.12
# The Mersenne Twister and the Random methods give CPython's exact sequences.
import random

for seed in range(50):
    random.seed(seed)
    print(seed, [random.random() for _ in range(3)], random.randrange(10**20),
          random.sample(range(100), 5), random.randint(-5, 5), random.getrandbits(70),
          random.choice('abcdefg'), random.uniform(1, 2))

for s in [-1, -12345, 2**64 + 7, 10**50, 'hello', b'bytes', bytearray(b'ba'), '', 3.25, -0.5]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(5), random.getrandbits(32),
          random.getrandbits(33), random.getrandbits(200))

r = random.Random(42)
print(r.random(), r.randrange(0, 100, 7), r.randrange(100, 0, -3), r.randrange(10**30, 10**31))
x = list(range(20))
r.shuffle(x)
print(x)
print(r.sample(range(10**6), 10), r.sample('abcdefghij', 10), r.sample(range(50), 30))
print(r.sample(['a', 'b', 'c'], k=6, counts=[3, 2, 1]))
print(r.choices('abc', k=10), r.choices('abc', [1, 5, 10], k=8),
      r.choices(range(5), cum_weights=[1, 1, 3, 4, 10], k=8))
print(r.gauss(), r.gauss(), r.gauss(5, 2), r.normalvariate(1, 3), r.lognormvariate(0, 1))
print(r.expovariate(2.0), r.expovariate(), r.vonmisesvariate(1.0, 4.0), r.vonmisesvariate(0, 0))
print([r.gammavariate(a, 2.0) for a in (0.5, 1.0, 2.5)], r.betavariate(2, 3))
print(r.paretovariate(3), r.weibullvariate(1, 2), r.triangular(), r.triangular(1, 5, 4))
print(r.randbytes(5), r.randbytes(0), r.randbytes(13))
st = r.getstate()
a = [r.random() for _ in range(5)]
r.setstate(st)
print(a == [r.random() for _ in range(5)], st[0], len(st[1]), st[2])
r2 = random.Random('seedstring')
print(r2.random(), random.Random(b'seedstring').random())
for bad in [lambda: r.randrange(1, 1), lambda: r.randrange(0), lambda: r.randrange(5, 1, 1),
            lambda: r.randrange(1, 10, 0), lambda: r.randrange(1.5), lambda: r.choice([]),
            lambda: r.sample([1, 2], 3), lambda: r.getrandbits(-1), lambda: r.seed([1]),
            lambda: r.gammavariate(0, 1), lambda: r.randrange(3, 1, 2), lambda: r.sample({1: 2}, 1),
            lambda: r.choices('ab', [1], k=1), lambda: r.setstate((9, (), None))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class MyRandom(random.Random):
    def random(self):
        return 0.25

m = MyRandom(1)
print(m.randrange(10), m.choice('abcd'), m.random())
print(isinstance(random.SystemRandom().random(), float),
      0 <= random.SystemRandom().randrange(10) < 10, len(random.SystemRandom().randbytes(4)))
