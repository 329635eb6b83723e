class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return "Money(%d)" % self.cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
    def __radd__(self, other):
        print("radd with", other)
        return self + other
    def __rsub__(self, other):
        return Money(other - self.cents)
    def __rtruediv__(self, other):
        return "rtruediv %r" % other
print(Money(5) + 3, 3 + Money(5), Money(1) + Money(2), sum([Money(1), Money(2)]), 10 - Money(4), 1 / Money(1))
try:
    Money(1) + "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x" + Money(1)
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__"
print(Base() + Sub(), Sub() + Base(), Base() + Base())
class NI:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print(type(e).__name__, e)
