import sys
for v in [0, 1, -1, -2, 2, 100, -100, 2**31, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61), 10**30]:
    print(v, hash(v))
print(hash(True), hash(False))
print(hash(1.5), hash(-0.5), hash(0.0), hash(2.0), hash(1e100) == hash(10**100))
print(sys.hash_info.modulus == 2**61 - 1, sys.hash_info.width)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash(None) == hash(None))
