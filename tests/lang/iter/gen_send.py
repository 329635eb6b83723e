def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(acc.send(None))
print(acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
g = accumulator()
try:
    g.send(5)
except TypeError as e:
    print(type(e).__name__, e)
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    yield received
e = echo()
next(e)
e.send("a")
e.send("b")
print(e.send("c"))
