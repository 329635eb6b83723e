vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 2**65, -(2**65), 2**65 - 1]
for a in vals:
    print(a, ~a, a & 0xFF, a | 0x0F, a ^ -1)
for a in (6, -6):
    for b in (3, -3, 2**70, -(2**70)):
        print(a, b, a & b, a | b, a ^ b)
print(-1 & 2**100 == 2**100, (-1 ^ 2**100) == -(2**100) - 1)
print(~True, ~False, True & 3, True | 2, True ^ True)
try:
    1 & 1.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    ~1.5
except TypeError as e:
    print(type(e).__name__, e)
x = 0b1100
x &= 0b1010
print(bin(x))
x |= 0b0101
print(bin(x))
x ^= 0b1111
print(bin(x))
