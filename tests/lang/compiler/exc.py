def f(x):
    try:
        if x == 1:
            raise ValueError("one")
        elif x == 2:
            return "ret"
        print("body", x)
    except ValueError as e:
        print("caught", e)
        return "from except"
    except (TypeError, KeyError):
        print("tk")
    else:
        print("else")
    finally:
        print("finally", x)
    return "end"
for i in range(4):
    print(f(i))
def g():
    for i in range(5):
        try:
            if i == 1: continue
            if i == 3: break
            print("g", i)
        finally:
            print("fin", i)
    return i
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
try:
    try:
        1/0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    print(repr(e), repr(e.__context__))
try:
    raise ValueError("a") from TypeError("b")
except ValueError as e:
    print(repr(e.__cause__))
def nested():
    try:
        try:
            raise ValueError
        finally:
            print("inner finally")
    except ValueError:
        print("outer caught")
nested()
try:
    x = undefined_name
except NameError as e:
    print(e)
def unbound():
    if False:
        y = 1
    return y
try:
    unbound()
except UnboundLocalError as e:
    print(e)
e = 5
try:
    raise KeyError
except KeyError as e:
    pass
try:
    print(e)
except NameError as ex:
    print("e deleted:", ex)
class CM:
    def __init__(self, sup): self.sup = sup
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return self.sup
with CM(True) as c:
    raise ValueError
print("suppressed")
try:
    with CM(False):
        raise ValueError("x")
except ValueError as e:
    print("propagated", e)
with CM(False) as a, CM(False) as b:
    print("two")
def wr():
    with CM(False):
        return 5
print(wr())
for i in range(3):
    with CM(False):
        if i == 1: break
assert True, "no"
try:
    assert 1 == 2, "msg"
except AssertionError as e:
    print("assert", e)
try:
    assert False
except AssertionError as e:
    print("assert2", repr(e))
try:
    raise
except RuntimeError as e:
    print(e)
def reraise():
    try:
        raise ValueError(1)
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    print("re", e)
try:
    raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
except* ValueError as eg:
    print("vals", repr(eg))
except* KeyError as eg:
    print("keys", repr(eg))
