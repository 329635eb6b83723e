n = 1
for i in range(1, 60):
    n *= i
print(n)
print(-n)
print(str(2 ** 512))
print(repr(-(10 ** 100)))
print(len(str(3 ** 1000)), str(3 ** 1000)[:20], str(3 ** 1000)[-20:])
big = int("123456789" * 40)
print(big % 1000007, big // 10 ** 350)
print(big == int(str(big)))
print(10 ** 50 - 1)
print(-(2 ** 64), 2 ** 64 - 1, 2 ** 63)
print(f"{2**100:,}", f"{2**80:_}", f"{-2**70:>40}")
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 40))
