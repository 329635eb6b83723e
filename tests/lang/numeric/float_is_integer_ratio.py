for v in [0.0, 1.0, -3.0, 0.5, 0.1, 1e300, 2.0**-1074, 123.456, -0.75]:
    n, d = v.as_integer_ratio()
    print(v, v.is_integer(), n, d, n / d == v)
print(float.fromhex((0.1).hex()) == 0.1, float.fromhex("0x1p-1074"), float.fromhex("inf"), float.fromhex("-0x0p0"))
for s in ("0x", "1.5", "0xg"):
    try:
        print(float.fromhex(s))
    except ValueError as e:
        print(type(e).__name__, e)
