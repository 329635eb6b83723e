def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(0 <= 5 < 10, "a" < "b" < "c", [1] < [2] <= [2])
x = 5
print(1 < x < 10, not 1 < x < 3, 1 < x in [5], x is x is not None)
print(1 in [1] in [[1]], 2 not in [1] != True)
try:
    print(1 < "a" < 2)
except TypeError as e:
    print(type(e).__name__, e)
print(1 < 2 == 2 > 1 >= 1 <= 1 != 0)
