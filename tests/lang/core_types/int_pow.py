print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 2)
print(2 ** -1, 2 ** -2, (-2) ** -1, 10 ** -3)
print(3 ** 40)
print(2 ** 100, (-3) ** 33)
print(type(2 ** 3).__name__, type(2 ** -3).__name__)
print(1 ** 10**6, (-1) ** (10**6 + 1), 0 ** 5)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
x = 3
x **= 4
print(x)
print(pow(2, 10), pow(-2, 3), pow(2, -1), pow(0, 0))
print(pow(7, 2, None))
print(10 ** 20 // 10 ** 19, 10 ** 18 + 1)
print(len(str(7 ** 200)))
