class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
print([round(x / 2) for x in range(-6, 7)])
print([round(x / 8, 2) for x in range(0, 9)])
print(round(0.5 + 1e-16), round(1 / 3, 5), round(-1 / 3, 3), round(2 / 3, 0))
print(round(123456, -3), round(-123456, -3), round(150, -2), round(250, -2), round(-250, -2), round(5, -1), round(15, -1))
print(round(1.0005, 3), round(1.0015, 3), round(8.325, 2), round(0.285, 2))
print(round(1e300, -300), round(1e-300, 300) > 0, round(12.34, -1), round(12.34, -5), round(-0.4))
print(round(2**70 + 0.0), round(10**25, -24), round(7, 100))
print(type(round(5.5)).__name__, type(round(5.5, 1)).__name__, type(round(5, 1)).__name__)
