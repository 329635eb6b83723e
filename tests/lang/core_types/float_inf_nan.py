inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(nan), str(-nan))
print(float("INF"), float("-Infinity"), float("nan"), float("+inf"), float(" -nan "))
print(inf + 1, inf - inf, inf * 0, inf * -1, inf / 1e308, 1 / inf, -1 / inf)
print(inf == inf, inf > 1e308, -inf < -1e308, nan == nan, nan != nan, nan < 1, nan >= nan)
print(inf % 3 if False else "skip", 3 % inf, -3 % inf, 3 // inf, -3 // inf)
print(max(1, inf), min(-inf, 0), sorted([3.0, inf, -inf, 0.0]))
x = nan
print(x is x, x == x, [x] == [x], x in [x])
print(abs(-inf), -(-inf), inf ** 0, nan ** 0, 1 ** nan)
print(inf.is_integer(), (2.0).is_integer(), (2.5).is_integer())
for f in (inf, -inf, nan):
    for conv in (int, round):
        try:
            print(conv(f))
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)
try:
    inf.as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
try:
    nan.as_integer_ratio()
except ValueError as e:
    print(type(e).__name__, e)
print(hash(inf), hash(-inf))
print(f"{inf:f} {nan:e} {-inf:10.2f}| {inf:g} {nan:%}")
