def gen():
    yield 1
    return "result"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e), e.value, e.args)
def delegator():
    r = yield from gen()
    print("subgenerator returned", r)
    return r + "!"
d = delegator()
print(list(d))
d = delegator()
next(d)
try:
    next(d)
except StopIteration as e:
    print("outer value", e.value)
def raises_stop():
    yield 1
    raise StopIteration("inside")
try:
    list(raises_stop())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def ret_none():
    yield
    return
r = ret_none()
next(r)
try:
    next(r)
except StopIteration as e:
    print(e.value, e.args)
