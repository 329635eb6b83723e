for a in (17, -17, 17.5, -17.5, 0):
    for b in (5, -5, 2.5, -0.5):
        print(a, b, divmod(a, b))
print(divmod(10**20, 7), divmod(-(10**20), 7), divmod(True, 2))
for a, b in ((1, 0), (1.0, 0), ("a", 1), (1, "a"), (1j, 1)):
    try:
        print(divmod(a, b))
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
class D:
    def __divmod__(self, other):
        return ("divmod", other)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
print(divmod(D(), 3), divmod(3, D()))
