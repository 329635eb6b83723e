print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0)
print(2**53 == 2.0**53, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53)
print(10**400 > 1e308, 10**400 < float("inf"), -10**400 > float("-inf"))
nan = float("nan")
print(1 == nan, 1 < nan, 1 > nan, 1 != nan)
print(3 <= 3.0, 3 >= 3.0000001, 1 < 2 < 3.5 < 4)
print(max(1, 1.0), min(1.0, 1), max(2, 2.5), sorted([3, 1.5, 2, 0.5, -1]))
print(True == 1.0, False == 0.0, True < 1.5)
print(1 in [1.0], 1.0 in {1: "a"}, {1: "int"}[1.0])
print(hash(1) == hash(1.0), hash(0) == hash(-0.0), hash(2**53) == hash(2.0**53))
d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
