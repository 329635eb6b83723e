s = "text"
for spec in ["", "10", "<10", ">10", "^10", "*^10", "-<9", ".2", "10.2", "^9.3", "0>8", "s", ">1", "<0"]:
    print(repr(spec), "[" + format(s, spec) + "]", "[" + f"{s:{spec}}" + "]")
print(f"{'é':*^7}", f"{'日本':>6}", f"{'':5}|", f"{'abc'!r:>8}", f"{'x'!a}")
for bad in ["d", "+", "=10", ",", "#", "5.x"]:
    try:
        format("s", bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
