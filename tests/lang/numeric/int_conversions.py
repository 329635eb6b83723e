class WithInt:
    def __int__(self):
        return 7
class WithIndex:
    def __index__(self):
        return 9
class WithFloat:
    def __float__(self):
        return 2.5
class WithTrunc:
    def __trunc__(self):
        return 4
print(int(WithInt()), int(WithIndex()), float(WithFloat()), float(WithIndex()), int(3.7), int(-0.9))
print(int("  0x1f  ", 0), int("0b1_0", 0), int("1" * 30), int(True), int(2**70 * 1.0))
print(float(1), float(-2**53), float("  inf "), complex(WithFloat()) if False else "c", str(int(-0.0)))
class BadInt:
    def __int__(self):
        return "nope"
for v in (BadInt(), object(), "1e3"):
    try:
        print(int(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
print(int(), float(), complex(), bool(), str())
print(int("-" + "9" * 25) + 1, float("1" + "0" * 20), int(float("1e15")))
