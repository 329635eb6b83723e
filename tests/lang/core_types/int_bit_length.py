for v in [0, 1, -1, 2, 3, 4, 7, 8, 255, 256, -256, -257, 2**64, 2**64 - 1, -(2**64), 10**30]:
    print(v, v.bit_length())
print((5).bit_count() if hasattr(5, "bit_count") else "no", (255).bit_count(), (-7).bit_count())
print((12).numerator, (12).denominator, (12).real, (12).imag)
print((10).conjugate(), (-3).__abs__(), (7).__index__())
print(True.bit_length(), False.bit_length())
print(int.bit_length(1023))
print((6).as_integer_ratio(), (-6).as_integer_ratio())
print((5).is_integer() if hasattr(5, "is_integer") else True)
