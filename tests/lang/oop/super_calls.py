class Base:
    def __init__(self, x):
        self.x = x
        print("Base.__init__", x)
    def value(self):
        return self.x
    @classmethod
    def create(cls, v):
        print("Base.create for", cls.__name__)
        return cls(v)
    @staticmethod
    def helper():
        return "helper"
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def value(self):
        return super().value() * 10 + self.y
    @classmethod
    def create(cls, v):
        print("Child.create", v)
        return "custom"
    def use_helper(self):
        return super().helper() + "!"
c = Child(1, 2)
print(c.value(), Child.create(5), c.use_helper())
class GrandChild(Child):
    def __init__(self):
        super().__init__(7, 8)
    def value(self):
        return -super().value()
print(GrandChild().value())
class Explicit(Base):
    def __init__(self):
        super(Explicit, self).__init__(99)
        Base.__init__(self, 100)
print(Explicit().x)
class K(Base):
    def __init__(self, v):
        super().__init__(v)
print(type(Base.create.__func__(K, 3)).__name__)
print(super(Child, c).value())
