# oracle: python3.12
# Exact integer functions: isqrt, factorial, comb, perm, gcd, lcm, prod, and big-int logs.
import math

for n in [0, 1, 2, 3, 15, 16, 17, 2**52 - 1, 2**64, 2**64 - 1, 10**40 + 12345, 3**200]:
    r = math.isqrt(n)
    print(n.bit_length(), r, r * r <= n < (r + 1) * (r + 1))
print([math.factorial(i) for i in range(25)])
print(math.factorial(100), len(str(math.factorial(1000))))
print([math.comb(10, k) for k in range(12)], math.comb(100, 50), math.comb(10**20, 3))
print([math.perm(6, k) for k in range(8)], math.perm(7), math.perm(30, 20), math.perm(5, None))
print(math.gcd(), math.gcd(-12), math.gcd(12, 18, 27), math.gcd(2**100, 6**50), math.gcd(0, 0))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(2**70, 3**40))
print(math.prod([]), math.prod(range(1, 21)), math.prod([1.5, 2, 4]), math.prod([2, 3], start=5),
      math.prod([10**20, 10**20]), math.prod(['a', 3], start=1))
for x in [10**400, 2**1024, 2**1023 * 3, 7**5000, 10**308]:
    print(math.log(x), math.log2(x), math.log10(x), math.log(x, 7))
print(math.log(True), math.log(10**30, 10**10), math.log2(2**5000 - 1))
print(math.floor(10**30), math.ceil(-10**30), math.trunc(2**70), math.floor(-2.5),
      math.ceil(2.1), math.trunc(-7.9), math.floor(True))


class N:
    def __floor__(self):
        return 'floor!'

    def __ceil__(self):
        return 'ceil!'

    def __trunc__(self):
        return 'trunc!'

    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


print(math.floor(N()), math.ceil(N()), math.trunc(N()), math.sqrt(N()), math.sqrt(I()),
      math.factorial(I()), math.gcd(I(), 21), math.isqrt(I()))
