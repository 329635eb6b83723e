# floor division and modulo follow the sign of the divisor
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (0, -5), (6, 3), (-6, 3),
         (1, 10**20), (-1, 10**20), (10**30, 7), (-10**30, 7), (10**30, -7)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, q * b + r == a, divmod(a, b) == (q, r))
for b in (3, -3):
    print([x % b for x in range(-6, 7)])
    print([x // b for x in range(-6, 7)])
for op in ("//", "%", "divmod"):
    try:
        if op == "//":
            5 // 0
        elif op == "%":
            5 % 0
        else:
            divmod(5, 0)
    except ZeroDivisionError as e:
        print(op, type(e).__name__, e)
x = 17
x //= -5
print(x)
x %= 3
print(x)
print(True // 2, True % 2, -True // 2)
