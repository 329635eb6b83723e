def inner(n):
    for i in range(n):
        received = yield i
        if received:
            print("inner got", received)
    return n * 10
def outer():
    a = yield from inner(2)
    b = yield from inner(3)
    yield a + b
print(list(outer()))
g = outer()
print(next(g), g.send("hello"), next(g))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x * x for x in range(3)))))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5]])))
def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield "node%d" % depth
    yield from tree(depth - 1)
print(list(tree(3)))
def thrower():
    try:
        yield 1
    except ValueError:
        yield "caught in inner"
def wrapper():
    yield from thrower()
w = wrapper()
next(w)
print(w.throw(ValueError))
