vals = [0, 7, -7, 255, -255, 1234567, 2**70, -(2**40)]
specs = ["", "d", "5d", "<6", "^7", ">8", "*^9", "+", " ", "-", "05", "=+8", ",", "_", "b", "o", "x", "X",
         "#b", "#o", "#x", "#X", "_b", "_x", "#010x", "c" , "e", ".2f", "%", "g", "n"]
for v in vals:
    out = []
    for s in specs:
        if s == "c" and not (0 <= v < 0x110000):
            continue
        out.append("[" + format(v, s) + "]")
    print(v, " ".join(out))
print(f"{42:{'>'}{10}}", f"{True:5}", f"{True:x}", f"{-0:+d}", format(65, "c"), format(10**20, ",d"))
bad = [(1, ".2d"), (1, "s"), (1, ",b"), (1, "=s"), (-1, "c")]
for v, s in bad:
    try:
        print(format(v, s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
