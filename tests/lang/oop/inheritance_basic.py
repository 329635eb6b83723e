class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (age %d)" % self.age
for pet in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(type(pet).__name__, pet.speak(), "|", pet.kind())
print(Puppy.__mro__)
print(Puppy.__bases__, Dog.__bases__, Animal.__bases__)
print(isinstance(Puppy("p", 2), Animal), issubclass(Puppy, Dog), issubclass(Animal, Dog))
print(Puppy.sound, Puppy.kind is Dog.kind, "speak" in Puppy.__dict__, "kind" in Puppy.__dict__)
class Base:
    def template(self):
        return "[" + self.hook() + "]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
