counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
add = make()
print(add(5), add(10))
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
    middle()
    return x
print(outer())
def new_global():
    global created_later
    created_later = "exists"
new_global()
print(created_later)
name = "module"
def shadow():
    name = "local"
    return name
print(shadow(), name)
def read_global():
    return counter * 100
print(read_global())
def unbound():
    try:
        print(counter)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    counter = 5
unbound()
