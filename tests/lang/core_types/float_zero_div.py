cases = [(1.0, 0), (1, 0.0), (0.0, 0.0), (-1.0, -0.0), (1e308, 0.0)]
for a, b in cases:
    for name in ("/", "//", "%", "divmod"):
        try:
            if name == "/":
                r = a / b
            elif name == "//":
                r = a // b
            elif name == "%":
                r = a % b
            else:
                r = divmod(a, b)
            print(a, b, name, r)
        except ZeroDivisionError as e:
            print(a, b, name, type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    x = 5
    x /= 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    complex(1, 1) / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
