def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
        return None
    else:
        print("no error")
        return r
    finally:
        print("finally")
print(div(1, 2), div(1, 0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print(repr(e), e.args)
try:
    int("x")
except ValueError as e:
    print(e)
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(42)
except MyError as e:
    print(e, e.code, e.args, isinstance(e, Exception))
def f():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                return "ret"
        finally:
            print("fin", i)
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer")
except TypeError as e:
    print(e, repr(e.__context__), e.__cause__)
try:
    try:
        raise ValueError("a")
    except ValueError as v:
        raise RuntimeError("b") from v
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    raise KeyError("k") from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__)
e = Exception("x", 1)
print(e.args, str(e), repr(e), str(Exception()), repr(ValueError("v")))
try:
    assert 1 > 2, "assertion msg"
except AssertionError as e:
    print("AssertionError", e)
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value)
def nested():
    try:
        raise ValueError
    except ValueError:
        try:
            raise
        except ValueError as e:
            return type(e).__name__
print(nested())
try:
    undefined_name
except NameError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
import sys
try:
    raise ValueError("info")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.exc_info())
