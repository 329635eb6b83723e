def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
counter = 10
def snapshot(v=counter):
    return v
counter = 20
print(snapshot(), snapshot(5))
print(greet.__defaults__, snapshot.__defaults__, append_to.__defaults__)
greet.__defaults__ = ("Howdy", ".")
print(greet("Ed"))
def noargs():
    return "none"
print(noargs.__defaults__, noargs.__kwdefaults__)
