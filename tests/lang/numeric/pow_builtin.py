print(pow(2, 8), pow(2.0, 8), pow(2, 0.5), pow(-1, 0.5), pow(4, -2), pow(-2, -3), pow(1j, 2))
print(pow(base=3, exp=4), pow(3, 4, mod=5), pow(0, 0), pow(0.0, 0), pow(-0.0, 3))
print(pow(10, 100) == 10**100, pow(7, 10**3, 13), pow(-7, 3, 13), pow(3, -2, 11), pow(True, 5))
class P:
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
    def __rpow__(self, other):
        return ("rpow", other)
print(pow(P(), 2), pow(P(), 2, 7), P() ** 3, 2 ** P(), pow(2, P()))
for args in [(2, "x"), ("x", 2), (0, -1), (0.0, -1.5), (1, 2, 0)]:
    try:
        print(pow(*args))
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(args, type(e).__name__, e)
