def worker():
    try:
        n = 0
        while True:
            try:
                yield n
            except ValueError as e:
                print("handled inside:", e)
                n = -1
            n += 1
    finally:
        print("worker cleanup")
w = worker()
print(next(w), next(w))
print(w.throw(ValueError("oops")))
print(next(w))
w.close()
print("closed")
w.close()
try:
    next(w)
except StopIteration:
    print("StopIteration after close")
w2 = worker()
next(w2)
try:
    w2.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def fresh():
    yield 1
f = fresh()
f.close()
print(list(f))
f2 = fresh()
try:
    f2.throw(TypeError("before start"))
except TypeError as e:
    print("thrown into unstarted:", e)
