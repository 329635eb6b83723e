a = 2**200 + 12345
b = 3**100 - 1
print(a + b, a - b, b - a, a * b)
print(a // b, a % b, -a // b, -a % b, a // -b)
print(a * a * a // (b * b), (a * b) // a == b, (a * b) % a)
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(f // (2**97), f % 1000000007, str(f).count("0"), str(f).rstrip("0")[-5:])
fib = [0, 1]
while len(fib) < 300:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[-1] % fib[-2], fib[299] // fib[298])
g, h = 2**127 - 1, 2**89 - 1
while h:
    g, h = h, g % h
print(g)
print(-(2**100) * -(3**50), (-2**100) // 3, abs(-(10**50)) == 10**50, 10**50 - 10**50 == 0)
print((2**100) ** 3 == 2**300, pow(2**100, 3), 2**100 < 2**100 + 1, -(2**100) < -(2**99))
