for v in [0, 1, -1, 10, -10, 255, 256, 2**32, -(2**64), 0o777, 0b1011, 0xDEADBEEF]:
    print(v, hex(v), oct(v), bin(v))
print(0x_ff, 0o_17, 0b_1010, 1_000, 0XAB, 0O17, 0B11)
class Idx:
    def __index__(self):
        return 42
print(hex(Idx()), oct(Idx()), bin(Idx()), list(range(50))[Idx()])
for f in (hex, oct, bin):
    try:
        f(1.5)
    except TypeError as e:
        print(type(e).__name__, e)
print(int(hex(12345), 16), int(oct(-99), 8), int(bin(77), 2))
