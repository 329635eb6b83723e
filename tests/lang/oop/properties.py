class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(hasattr(t, "_c"))
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Temperature.celsius).__name__, Temperature.fahrenheit.fget.__name__)
class Computed:
    count = 0
    @property
    def lazy(self):
        Computed.count += 1
        return Computed.count
c = Computed()
print(c.lazy, c.lazy, c.lazy)
def getx(self):
    return "x via property()"
class Old:
    x = property(getx, doc="the x")
print(Old().x, Old.x.__doc__)
