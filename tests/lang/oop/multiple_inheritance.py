class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B>" + super().who()
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C>" + super().who()
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
print([k.__name__ for k in D.__mro__])
print(D().who(), D().chain())
class Mixin:
    def describe(self):
        return "I am " + self.name()
class Named:
    def name(self):
        return type(self).__name__
class Thing(Mixin, Named):
    pass
print(Thing().describe(), [k.__name__ for k in Thing.mro()])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(super(B, D()).who(), super(C, D()).who())
