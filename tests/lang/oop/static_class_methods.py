class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    @classmethod
    def square(cls):
        return cls("square")
    @classmethod
    def how_many(cls):
        return cls.__name__ + ":" + str(cls.count)
    @staticmethod
    def area(w, h):
        return w * h
class Special(Shape):
    pass
s = Shape.square()
sp = Special.square()
print(type(s).__name__, type(sp).__name__, s.name, Shape.how_many(), Special.how_many())
print(Shape.area(2, 3), s.area(4, 5), Special.area(1, 1))
print(type(Shape.__dict__["area"]).__name__, type(Shape.__dict__["square"]).__name__)
print(type(Shape.area).__name__, type(Shape.square).__name__, Shape.square.__self__ is Shape)
sm = staticmethod(lambda: "raw")
print(sm.__func__(), callable(sm))
class Reg:
    registry = []
    @classmethod
    def register(cls, item):
        cls.registry.append(item)
        return cls
print(Reg.register(1).register(2).registry)
