def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in (-5, 0, 3, 42, 1000):
    print(n, classify(n))
x = 5
if x:
    print("truthy int")
if not []:
    print("empty list is falsy")
if "":
    print("never")
else:
    print("empty string is falsy")
if x > 3 and x < 10 or x == 100:
    print("range check")
if (y := x * 2) > 8:
    print("walrus in if", y)
if x == 5: print("one-line if")
value = "a" if x > 3 else "b"
print(value, "yes" if [] else "no", 1 if 0 else 2 if 0 else 3)
class Weird:
    def __bool__(self):
        print("bool called")
        return False
if Weird():
    print("no")
else:
    print("Weird is falsy")
