x = 1
def read_global():
    return x
def shadow():
    x = 2
    return x
print(read_global(), shadow(), x)
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump
b = counter()
b(); b()
print(b())
def outer():
    a = 1
    def middle():
        def inner():
            return a + 1
        return inner()
    return middle()
print(outer())
try:
    def broken():
        print(y)
        y = 1
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
class K:
    attr = 10
    doubled = [attr * 2]
    def method(self):
        return self.attr
print(K.doubled, K().method())
def g():
    global newglobal
    newglobal = "made"
g()
print(newglobal)
del newglobal
try:
    newglobal
except NameError as e:
    print(e)
lam = lambda a, b=2: a * b
print(lam(3), lam(3, 3), (lambda: x)())
