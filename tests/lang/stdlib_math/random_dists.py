# oracle: python3.12
# Distributions and integer helpers over many seeds, compared with CPython.
import random

for seed in range(50, 90):
    r = random.Random(seed)
    print(seed, r.gauss(), r.gauss(), r.normalvariate(), r.expovariate(0.5),
          r.gammavariate(0.7, 1.5), r.gammavariate(3.0, 0.5), r.betavariate(0.5, 0.5),
          r.vonmisesvariate(0.5, 2.0), r.binomialvariate(20, 0.3), r.binomialvariate(500, 0.4),
          r.binomialvariate(1, 0.5), r.randrange(-10**25, 10**25, 3), r.choices(range(1000), k=3),
          r.sample(range(10**9), 3), r.sample(range(30), 25)[:5])
random.seed(2024)
print(random.random(), random.randbytes(9), random.getrandbits(1), random.getrandbits(64))
s = random.getstate()
x = [random.randint(1, 6) for _ in range(10)]
random.setstate(s)
print(x == [random.randint(1, 6) for _ in range(10)], x)
random.seed(7, version=1)
print(random.random())
random.seed('abc', version=1)
print(random.random())
