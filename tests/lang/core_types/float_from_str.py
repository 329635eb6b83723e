print(float("1.5"), float("  -2.25 "), float("1e3"), float("1E-3"), float(".5"), float("5."))
print(float("1_000.5"), float("+0.0"), float("-0"), float("0x10" if False else "16"))
print(float(3), float(-10**20), float(True), float("0000.1"))
print(float("3.141592653589793238462643383279"))
print(float("1e500"), float("-1e500"), float("1e-500"))
print(float(b"2.5"), float(bytearray(b"1e2")))
for s in ["", "abc", "1.2.3", "1e", "e5", "1_", "_1", "1__0", "0x10", "nanx", "in f", "1,5", "--1", " "]:
    try:
        print(float(s))
    except ValueError as e:
        print(type(e).__name__, e)
for v in (None, [1.0], "1.0j"):
    try:
        print(float(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
